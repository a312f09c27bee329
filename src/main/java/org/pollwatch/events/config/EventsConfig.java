package org.pollwatch.events.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live events (GET /events): heartbeats, subscriber limits and the history kept for resumption. */
@ConfigMapping(prefix = "pollwatch.events")
public interface EventsConfig {

    /** An SSE comment sent this often keeps proxies from closing idle streams and shows a dead one. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Open streams per instance; one more gets 503 with Retry-After. */
    @WithDefault("2000")
    int maxSubscribers();

    /** Seconds a refused client is told to wait (Retry-After), and the reconnection delay sent to browsers. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Events queued to one slow subscriber before its stream is closed (it resumes with Last-Event-ID). */
    @WithDefault("256")
    int maxQueuedPerSubscriber();

    /** Events kept for resumption: at most this many ... */
    @WithDefault("1000")
    int historySize();

    /** ... and none older than this. */
    @WithDefault("1h")
    Duration historyAge();

    /** Wait before listening again after the database connection was lost. */
    @WithDefault("1s")
    Duration reconnectDelay();
}
