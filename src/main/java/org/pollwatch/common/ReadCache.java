package org.pollwatch.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *       current {@link #generation()}, a counter in the database ({@link DataGeneration}) that every
 *       {@link DataChanged} raises inside the changing transaction: right across instances too.
 * </ul>
 *
 * {@link #raiseGeneration} and {@link #onChange} are the one place where a change of data is handled. A value computed from the
 * old data while a change was committing is stored under the old generation and never served again.
 * Failures (problems) are not kept.
 */
@ApplicationScoped
public class ReadCache {

    static final int IDLE_MINUTES = 30;

    /**
     * What a region may hold, in bytes of the values that say their size ({@link Weighed}), whatever
     * its entry count: one 5 MB chart of a 10,000-poll series must not be kept two thousand times.
     */
    static final long REGION_BYTES = 16L * 1024 * 1024;

    /** Entries of {@link #untilChange} regions are dropped after this even without a change. */
    private static final Duration CHANGE_REGION_LIFETIME = Duration.ofHours(6);

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private final DataGeneration generation;
    private final List<Region> emptiedOnChange = new CopyOnWriteArrayList<>();

    public ReadCache(DataGeneration generation) {
        this.generation = generation;
    }

    /** A region whose keys hold a database version of what their value is built from. */
    public Region byVersion(String name, long maximumSize) {
        return new Region(
                name,
                false,
                bounded(maximumSize)
                        .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
                        .build());
    }

    /** A region whose values hold until the next committed change of data. */
    public Region untilChange(String name, long maximumSize) {
        Region region = new Region(
                name,
                true,
                bounded(maximumSize).expireAfterWrite(CHANGE_REGION_LIFETIME).build());
        emptiedOnChange.add(region);
        return region;
    }

    /**
     * At most {@code maximumSize} entries and {@link #REGION_BYTES} bytes: every entry weighs at least
     * its share of the bytes, so the count bound holds too, and a large one weighs what it holds.
     */
    private static Caffeine<Object, Object> bounded(long maximumSize) {
        long share = Math.max(1, REGION_BYTES / Math.max(1, maximumSize));
        return Caffeine.newBuilder().maximumWeight(REGION_BYTES).weigher((key, value) -> weight(value, share));
    }

    static int weight(Object value, long share) {
        long bytes = value instanceof Weighed weighed ? weighed.bytes() : 0;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(bytes, share));
    }

    /** A cached value that knows about how many bytes it holds (its serialised forms, mostly). */
    public interface Weighed {
        long bytes();
    }

    /** The data generation, from the database this request reads; raised by every change of data. */
    public long generation() {
        return generation.current();
    }

    /** Synchronous: raises the generation inside the changing transaction, so every instance sees it. */
    void raiseGeneration(@Observes DataChanged change) {
        generation.raise();
    }

    /** After the commit, this instance also frees the memory of the entries no request can reach now. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        for (Region region : emptiedOnChange) {
            region.entries.invalidateAll();
        }
        LOG.debugf("Data changed: %s", change.reason());
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
            Object stored = generational ? new Current(generation.current(), key) : key;
            Object value = entries.getIfPresent(stored);
            if (value == null) {
                value = compute.get();
                entries.put(stored, value);
            }
            return (T) value;
        }

        /** Bytes the region holds by its weights, after pending evictions. */
        long bytesHeld() {
            entries.cleanUp();
            return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
        }

        @Override
        public String toString() {
            return "cache region " + name;
        }
    }
}
