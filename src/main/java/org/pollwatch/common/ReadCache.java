package org.pollwatch.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The one way computed reads (serialised polls, comparisons, trends) are cached. Each feature asks
 * for a region of the size its configuration gives, of one of two kinds:
 *
 * <ul>
 *   <li>{@link #byVersion}: keys hold a version read from the database (a poll's version, raised by
 *       every change of that poll), so an entry never goes stale; old versions are evicted by size or
 *       after {@value #IDLE_MINUTES} minutes unread.
 *   <li>{@link #untilSeriesChange}: the value depends on many rows of one series (a trend, a chart);
 *       keys are combined with the series' current generation ({@link DataGeneration#ofSeries}), a
 *       counter in the database that every {@link DataChanged} naming the series (or naming none)
 *       raises inside the changing transaction: right across instances too, and a write to one series
 *       leaves the others' entries valid.
 *   <li>{@link #untilAnyChange}: the value depends on polls and series throughout (the home page's
 *       latest polls and series cards); keys are combined with the data generation
 *       ({@link DataGeneration#ofAll}), which every {@link DataChanged} raises.
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

    /** Entries of {@link #untilSeriesChange} regions are dropped after this even without a change. */
    private static final Duration CHANGE_REGION_LIFETIME = Duration.ofHours(6);

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private final DataGeneration generation;
    private final MeterRegistry metrics;
    private final List<SeriesRegion> emptiedOnChange = new CopyOnWriteArrayList<>();
    private final List<DataRegion> emptiedOnAnyChange = new CopyOnWriteArrayList<>();

    public ReadCache(DataGeneration generation, MeterRegistry metrics) {
        this.generation = generation;
        this.metrics = metrics;
    }

    /** A region whose keys hold a database version of what their value is built from. */
    public Region byVersion(String name, long maximumSize) {
        return new Region(entries(
                name,
                bounded(maximumSize)
                        .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
                        .build()));
    }

    /** A region whose values, each of one series, hold until the next committed change of that series. */
    public SeriesRegion untilSeriesChange(String name, long maximumSize) {
        SeriesRegion region = new SeriesRegion(
                untilChange(name, maximumSize),
                maximumSize,
                Counter.builder("pollwatch.cache.updates")
                        .description("Values of a cache region brought up to date from the value of an earlier"
                                + " generation (only what changed read again) instead of computed anew")
                        .tag("region", name)
                        .register(metrics));
        emptiedOnChange.add(region);
        return region;
    }

    /** A region whose values, built from many series and polls, hold until the next committed change of any. */
    public DataRegion untilAnyChange(String name, long maximumSize) {
        DataRegion region = new DataRegion(untilChange(name, maximumSize));
        emptiedOnAnyChange.add(region);
        return region;
    }

    /** Entries emptied on a change, and dropped after {@link #CHANGE_REGION_LIFETIME} even without one. */
    private Entries untilChange(String name, long maximumSize) {
        return entries(
                name,
                bounded(maximumSize).expireAfterWrite(CHANGE_REGION_LIFETIME).build());
    }

    private Entries entries(String name, Cache<Object, Object> cache) {
        return new Entries(
                name,
                cache,
                Counter.builder("pollwatch.cache.computations")
                        .description(
                                "Values computed for a cache region (misses not served by a computation already running)")
                        .tag("region", name)
                        .register(metrics),
                Counter.builder("pollwatch.cache.coalesced")
                        .description("Misses of a cache region served by the computation another request had running")
                        .tag("region", name)
                        .register(metrics));
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

    /** The generation of series {@code key}, from the database this request reads. */
    public long generation(String seriesKey) {
        return generation.ofSeries(seriesKey);
    }

    /** Synchronous: raises the generations inside the changing transaction, so every instance sees them. */
    void raiseGeneration(@Observes DataChanged change) {
        generation.raise(change);
    }

    /** After the commit, this instance also frees the memory of the entries no request can reach now. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        for (SeriesRegion region : emptiedOnChange) {
            Cache<Object, Object> cache = region.entries.cache;
            if (change.unscoped()) {
                cache.invalidateAll();
            } else {
                cache.asMap().keySet().removeIf(key -> change.series().contains(((Current) key).series()));
            }
        }
        for (DataRegion region : emptiedOnAnyChange) {
            region.entries.cache.invalidateAll();
        }
        LOG.debugf("Data changed: %s", change.reason());
    }

    /** Keys of {@link #untilSeriesChange} regions. */
    private record Current(String series, long generation, Object key) {}

    /** Keys of the last values of {@link #untilSeriesChange} regions, of any generation. */
    private record Latest(String series, Object key) {}

    /**
     * A region's values, and the computations of it running now: concurrent misses of one key (every
     * dashboard refreshing on the same live event, say) wait for the one computation instead of each
     * doing it again. A failed computation is not shared; a waiter then computes for itself.
     */
    private record Entries(
            String name,
            Cache<Object, Object> cache,
            ConcurrentMap<Object, CompletableFuture<Object>> running,
            Counter computations,
            Counter coalesced) {

        Entries(String name, Cache<Object, Object> cache, Counter computations, Counter coalesced) {
            this(name, cache, new ConcurrentHashMap<>(), computations, coalesced);
        }

        @SuppressWarnings("unchecked")
        <T> T get(Object key, Supplier<T> compute) {
            Object value = cache.getIfPresent(key);
            if (value != null) {
                return (T) value;
            }
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> other = running.putIfAbsent(key, mine);
            if (other != null) {
                Object shared = other.handle((result, failure) -> result).join();
                if (shared == null) {
                    return computeAndKeep(key, compute);
                }
                coalesced.increment();
                return (T) shared;
            }
            try {
                T computed = computeAndKeep(key, compute);
                mine.complete(computed);
                return computed;
            } catch (RuntimeException | Error failure) {
                mine.completeExceptionally(failure);
                throw failure;
            } finally {
                running.remove(key, mine);
            }
        }

        @SuppressWarnings("unchecked")
        private <T> T computeAndKeep(Object key, Supplier<T> compute) {
            // stored between the first look and the announcement: nothing to compute
            Object value = cache.getIfPresent(key);
            if (value == null) {
                computations.increment();
                value = compute.get();
                cache.put(key, value);
            }
            return (T) value;
        }
    }

    /** A cache of values computed from one series' data, valid while its generation holds. */
    public final class SeriesRegion {

        private final Entries entries;

        /**
         * The last value computed per series and key, whatever its generation, for {@link #get(String,
         * Object, Supplier, UnaryOperator) updates}; not emptied on a change.
         */
        private final Cache<Object, Object> latest;

        private final Counter updates;

        private SeriesRegion(Entries entries, long maximumSize, Counter updates) {
            this.entries = entries;
            this.updates = updates;
            this.latest = bounded(maximumSize)
                    .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
                    .build();
        }

        /** The value of series {@code series} kept under {@code key}, or computed by {@code compute} and kept. */
        public <T> T get(String series, Object key, Supplier<T> compute) {
            return entries.get(new Current(series, generation.ofSeries(series), key), compute);
        }

        /**
         * As {@link #get(String, Object, Supplier)}, but a value of an earlier generation, if one is
         * still held, is brought up to date by {@code update} instead of computed anew.
         */
        @SuppressWarnings("unchecked")
        public <T> T get(String series, Object key, Supplier<T> compute, UnaryOperator<T> update) {
            Latest last = new Latest(series, key);
            return entries.get(new Current(series, generation.ofSeries(series), key), () -> {
                T previous = (T) latest.getIfPresent(last);
                T value;
                if (previous == null) {
                    value = compute.get();
                } else {
                    updates.increment();
                    value = update.apply(previous);
                }
                latest.put(last, value);
                return value;
            });
        }

        @Override
        public String toString() {
            return "cache region " + entries.name();
        }
    }

    /** A cache of values computed from the data as a whole, valid while the data generation holds. */
    public final class DataRegion {

        private final Entries entries;

        private DataRegion(Entries entries) {
            this.entries = entries;
        }

        /** The value kept under {@code key} at the current data generation, or computed by {@code compute} and kept. */
        public <T> T get(Object key, Supplier<T> compute) {
            return entries.get(new Current(null, generation.ofAll(), key), compute);
        }

        @Override
        public String toString() {
            return "cache region " + entries.name();
        }
    }

    /** One named cache of computed values whose keys hold the versions they were computed from. */
    public static final class Region {

        private final Entries entries;

        private Region(Entries entries) {
            this.entries = entries;
        }

        /** The value kept under {@code key}, or computed by {@code compute} and kept. */
        public <T> T get(Object key, Supplier<T> compute) {
            return entries.get(key, compute);
        }

        /** Bytes the region holds by its weights, after pending evictions. */
        long bytesHeld() {
            Cache<Object, Object> cache = entries.cache();
            cache.cleanUp();
            return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
        }

        @Override
        public String toString() {
            return "cache region " + entries.name();
        }
    }
}
