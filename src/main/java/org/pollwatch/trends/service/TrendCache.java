package org.pollwatch.trends.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.pollwatch.polls.PollsChanged;

/**
 * Keeps cached trends consistent with the data. Every committed change of polls or series bumps a
 * generation that is part of every cache key, then empties the cache. A trend computed from the old
 * data while the change was committing is stored under the old generation and never served again.
 */
@ApplicationScoped
public class TrendCache {

    public static final String NAME = "series-trend";

    private static final Logger LOG = Logger.getLogger(TrendCache.class);

    private final AtomicLong generation = new AtomicLong();
    private final Cache cache;

    public TrendCache(@CacheName(NAME) Cache cache) {
        this.cache = cache;
    }

    public long generation() {
        return generation.get();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollsChanged change) {
        generation.incrementAndGet();
        cache.invalidateAll().await().indefinitely();
        LOG.debugf("Trend cache emptied: %s", change.reason());
    }
}
