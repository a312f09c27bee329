package org.pollwatch.common;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one way computed reads (serialised polls, comparisons, trends) are cached, in the Caffeine caches
 * each feature injects by name ({@code @CacheName}, sized in application.properties). A key must name
 * everything its value depends on, in one of two ways:
 *
 * <ul>
 *   <li>{@link #byVersion}: the key holds a version read from the database (a poll's version, raised
 *       by every change of that poll), so an entry never goes stale; old versions are evicted by size.
 *   <li>{@link #untilChange}: the value depends on many rows (a trend); the key is combined with the
 *       current {@link #generation()}, which every committed {@link DataChanged} raises.
 * </ul>
 *
 * {@link #onChange} is the single place where a change of data is handled. A value computed from the
 * old data while a change was committing is stored under the old generation and never served again.
 * Failures (problems) are not kept.
 */
@ApplicationScoped
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private record Current(long generation, Object key) {}

    private final AtomicLong generation = new AtomicLong();
    private final Set<Cache> generational = ConcurrentHashMap.newKeySet();

    /** The value kept in {@code cache} under {@code key} (which includes a version), or computed and kept. */
    public <T> T byVersion(Cache cache, Object key, Supplier<T> compute) {
        return read(cache, key, compute);
    }

    /** The value kept in {@code cache} under {@code key} since the last change of data, or computed and kept. */
    public <T> T untilChange(Cache cache, Object key, Supplier<T> compute) {
        generational.add(cache);
        return read(cache, new Current(generation.get(), key), compute);
    }

    /** Raised by every committed change of data. */
    public long generation() {
        return generation.get();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DataChanged change) {
        generation.incrementAndGet();
        for (Cache cache : generational) {
            cache.invalidateAll().await().indefinitely();
        }
        LOG.debugf("Data changed (%s): generation %d", change.reason(), generation.get());
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Cache cache, Object key, Supplier<T> compute) {
        CaffeineCache caffeine = cache.as(CaffeineCache.class);
        CompletableFuture<Object> cached = caffeine.getIfPresent(key);
        if (cached != null) {
            Object value = cached.getNow(null);
            if (value != null) {
                return (T) value;
            }
        }
        T value = compute.get();
        caffeine.put(key, CompletableFuture.completedFuture(value));
        return value;
    }
}
