package org.pollwatch.comparisons;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.pollwatch.polls.service.PollReads;

/**
 * Lead and subgroup comparisons kept by poll version. Both depend on one poll alone, and every change
 * of a poll raises its version, so an entry never goes stale: a read asks the database only for the
 * version (one primary-key lookup) and computes the comparison for a version not seen yet. Change
 * comparisons are not kept: their default "previous poll" depends on other polls.
 */
@ApplicationScoped
public class ComparisonReads {

    /** A comparison and the poll version it was computed for (the ETag's part). */
    public record Versioned<T>(int version, T value) {}

    record Key(String kind, long pollId, int version, long questionId, List<String> parameters) {}

    private final PollReads polls;
    private final CaffeineCache cache;

    public ComparisonReads(PollReads polls, @CacheName("comparisons") Cache cache) {
        this.polls = polls;
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The current version of the poll; 404 problem when there is no such poll. */
    public int version(long pollId) {
        return polls.version(pollId);
    }

    /**
     * The comparison {@code kind} of the question with these parameters at the poll's {@code version},
     * computed by {@code compute} unless kept. Failures (problems) are not kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(
            String kind, long pollId, int version, long questionId, List<String> parameters, Supplier<T> compute) {
        Key key = new Key(kind, pollId, version, questionId, parameters);
        CompletableFuture<Object> cached = cache.getIfPresent(key);
        if (cached != null) {
            Object value = cached.getNow(null);
            if (value != null) {
                return (T) value;
            }
        }
        T value = compute.get();
        cache.put(key, CompletableFuture.completedFuture(value));
        return value;
    }
}
