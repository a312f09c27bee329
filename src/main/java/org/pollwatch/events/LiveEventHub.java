package org.pollwatch.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.pollwatch.events.config.EventsConfig;

/**
 * This instance's open streams: each event the listener reads is offered to every one of them, in
 * id order; a heartbeat comment goes to all of them every {@link EventsConfig#heartbeat()}.
 */
@ApplicationScoped
public class LiveEventHub {

    private static final Logger LOG = Logger.getLogger(LiveEventHub.class);

    private final EventsConfig config;
    private final LiveEventHistory history;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private ScheduledExecutorService heartbeats;

    public LiveEventHub(EventsConfig config, LiveEventHistory history) {
        this.config = config;
        this.history = history;
    }

    /** Too many open streams on this instance. */
    public static final class Full extends RuntimeException {
        private final int retryAfterSeconds;

        Full(int limit, int retryAfterSeconds) {
            super(
                    "This instance already serves " + limit + " event streams; retry in " + retryAfterSeconds + " s",
                    null,
                    false,
                    false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    void start(@Observes StartupEvent start) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pollwatch-events-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        subscribers.forEach(Subscriber::close);
    }

    /** Open streams now. */
    public int subscribers() {
        return open.get();
    }

    /**
     * Opens a stream on the sink: first what the client missed since {@code lastEventId} (or an
     * "events-missed" event when that is no longer kept), then the live events. The subscriber is
     * registered before the history is read, and every event is sent once, by id, so an event
     * committed meanwhile is neither lost nor sent twice.
     */
    public void subscribe(EventFilter filter, Long lastEventId, SseEventSink sink, Sse sse) throws SQLException {
        if (open.incrementAndGet() > config.maxSubscribers()) {
            open.decrementAndGet();
            throw new Full(config.maxSubscribers(), config.retryAfterSeconds());
        }
        Subscriber subscriber = new Subscriber(filter, sink, sse);
        subscribers.add(subscriber);
        try {
            // the browser's reconnection delay, and the response's start (EventSource opens on it)
            subscriber.send(sse.newEventBuilder()
                    .comment("pollwatch events")
                    .reconnectDelay(config.retryAfterSeconds() * 1000L)
                    .build());
            if (lastEventId == null) {
                subscriber.replayed(List.of());
                return;
            }
            LiveEventHistory.Resumption resumption = history.after(lastEventId);
            if (resumption.missed()) {
                subscriber.missed(lastEventId, resumption.latest());
            }
            subscriber.replayed(resumption.events());
        } catch (SQLException | RuntimeException e) {
            subscriber.close();
            throw e;
        }
    }

    /** Called by the listener, in id order. */
    void deliver(LiveEvent event) {
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(event);
        }
    }

    private void beat() {
        try {
            for (Subscriber subscriber : subscribers) {
                subscriber.heartbeat();
            }
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed", e);
        }
    }

    /** One open stream. */
    private final class Subscriber {

        private final EventFilter filter;
        private final SseEventSink sink;
        private final Sse sse;
        private final AtomicInteger queued = new AtomicInteger();
        private final ArrayDeque<LiveEvent> pending = new ArrayDeque<>();
        private boolean replaying = true;
        private long lastSent = Long.MIN_VALUE;
        private volatile boolean closed;

        Subscriber(EventFilter filter, SseEventSink sink, Sse sse) {
            this.filter = filter;
            this.sink = sink;
            this.sse = sse;
        }

        synchronized void offer(LiveEvent event) {
            if (closed) {
                return;
            }
            if (replaying) {
                pending.add(event);
                if (pending.size() > config.maxQueuedPerSubscriber()) {
                    close();
                }
                return;
            }
            sendIfNew(event);
        }

        synchronized void missed(long lastEventId, long latest) {
            lastSent = latest;
            String data = "{\"id\":" + latest + ",\"type\":\"" + EventType.EVENTS_MISSED.wireName()
                    + "\",\"lastEventId\":" + lastEventId + ",\"time\":\"" + Instant.now() + "\"}";
            send(sse.newEventBuilder()
                    .id(Long.toString(latest))
                    .name(EventType.EVENTS_MISSED.wireName())
                    .data(String.class, data)
                    .build());
        }

        synchronized void replayed(List<LiveEvent> events) {
            events.forEach(this::sendIfNew);
            while (!pending.isEmpty()) {
                sendIfNew(pending.poll());
            }
            replaying = false;
        }

        synchronized void heartbeat() {
            // not before the first event: the stream's first write also sends its headers
            if (!closed && !replaying) {
                send(sse.newEventBuilder().comment("heartbeat").build());
            }
        }

        private void sendIfNew(LiveEvent event) {
            if (event.id() <= lastSent) {
                return;
            }
            lastSent = event.id();
            if (filter.accepts(event)) {
                send(sse.newEventBuilder()
                        .id(Long.toString(event.id()))
                        .name(event.type())
                        .data(String.class, event.json())
                        .build());
            }
        }

        /**
         * One write at a time per stream (the listener's, the heartbeat's and the request's threads
         * all send). A client that does not keep up is let go: it reconnects and resumes from its
         * Last-Event-ID.
         */
        synchronized void send(OutboundSseEvent event) {
            if (closed) {
                return;
            }
            if (sink.isClosed()) {
                close();
                return;
            }
            if (queued.incrementAndGet() > config.maxQueuedPerSubscriber()) {
                close();
                return;
            }
            sink.send(event).whenComplete((done, failure) -> {
                queued.decrementAndGet();
                if (failure != null) {
                    close();
                }
            });
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (subscribers.remove(this)) {
                open.decrementAndGet();
            }
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an event stream failed", e);
            }
        }
    }
}
