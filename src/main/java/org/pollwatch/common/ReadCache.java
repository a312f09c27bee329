package org.pollwatch.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one way computed reads (serialised polls, comparisons, trends) are cached. Each feature asks
 * for a {@link Region} of the size its configuration gives, of one of two kinds:
 *
 * <ul>
 *   <li>{@link #byVersion}: keys hold a version read from the database (a poll's version, raised by
 *       every change of that poll), so an entry never goes stale; old versions are evicted by size or
 *       after {@value #IDLE_MINUTES} minutes unread.
 *   <li>{@link #untilChange}: the value depends on many rows (a trend); keys are combined with the
 *       current {@link #generation()}, which every committed {@link DataChanged} raises.
 * </ul>
 *
 * {@link #onChange} is the single place where a change of data is handled. A value computed from the
 * old data while a change was committing is stored under the old generation and never served again.
 * Failures (problems) are not kept.
 */
@ApplicationScoped
public class ReadCache {

    static final int IDLE_MINUTES = 30;

    /** Entries of {@link #untilChange} regions are dropped after this even without a change. */
    private static final Duration CHANGE_REGION_LIFETIME = Duration.ofHours(6);

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private final AtomicLong generation = new AtomicLong();
    private final List<Region> emptiedOnChange = new CopyOnWriteArrayList<>();

    /** A region whose keys hold a database version of what their value is built from. */
    public Region byVersion(String name, long maximumSize) {
        return new Region(
                name,
                false,
                Caffeine.newBuilder()
                        .maximumSize(maximumSize)
                        .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
                        .build());
    }

    /** A region whose values hold until the next committed change of data. */
    public Region untilChange(String name, long maximumSize) {
        Region region = new Region(
                name,
                true,
                Caffeine.newBuilder()
                        .maximumSize(maximumSize)
                        .expireAfterWrite(CHANGE_REGION_LIFETIME)
                        .build());
        emptiedOnChange.add(region);
        return region;
    }

    /** Raised by every committed change of data. */
    public long generation() {
        return generation.get();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        generation.incrementAndGet();
        for (Region region : emptiedOnChange) {
            region.entries.invalidateAll();
        }
        LOG.debugf("Data changed (%s): generation %d", change.reason(), generation.get());
    }

    /** Keys of {@link #untilChange} regions. */
    private record Current(long generation, Object key) {}

    /** One named cache of computed values. */
    public final class Region {

        private final String name;
        private final boolean generational;
        private final Cache<Object, Object> entries;

        private Region(String name, boolean generational, Cache<Object, Object> entries) {
            this.name = name;
            this.generational = generational;
            this.entries = entries;
        }

        /** The value kept under {@code key}, or computed by {@code compute} and kept. */
        @SuppressWarnings("unchecked")
        public <T> T get(Object key, Supplier<T> compute) {
            Object stored = generational ? new Current(generation.get(), key) : key;
            Object value = entries.getIfPresent(stored);
            if (value == null) {
                value = compute.get();
                entries.put(stored, value);
            }
            return (T) value;
        }

        @Override
        public String toString() {
            return "cache region " + name;
        }
    }
}
