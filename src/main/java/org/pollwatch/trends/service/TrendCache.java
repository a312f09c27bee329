package org.pollwatch.trends.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.pollwatch.common.DataGeneration;
import org.pollwatch.polls.PollsChanged;

/**
 * Keeps cached trends consistent with the data on every instance. Every change of polls or series
 * raises the database's {@link DataGeneration} in its own transaction, and every request keys the cache
 * by the generation it reads first: a trend computed from older data, here or before another
 * instance's commit, is stored under an older generation and never served again. The instance that
 * took the change also empties its cache after the commit, to free the memory at once.
 */
@ApplicationScoped
public class TrendCache {

    public static final String NAME = "series-trend";

    private static final Logger LOG = Logger.getLogger(TrendCache.class);

    private final Cache cache;
    private final DataGeneration generation;

    public TrendCache(@CacheName(NAME) Cache cache, DataGeneration generation) {
        this.cache = cache;
        this.generation = generation;
    }

    /** The data generation, from the database this request reads. */
    public long generation() {
        return generation.current();
    }

    /** Synchronous: runs when the change is announced, inside the changing transaction. */
    void raiseGeneration(@Observes PollsChanged change) {
        generation.raise();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollsChanged change) {
        cache.invalidateAll().await().indefinitely();
        LOG.debugf("Trend cache emptied: %s", change.reason());
    }
}
