package org.pollwatch.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A region is bounded by bytes as well as by entries, and computes a missing value once at a time. */
class ReadCacheTest {

    private record Blob(long bytes) implements ReadCache.Weighed {}

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ReadCache reads = new ReadCache(null, metrics);

    @Test
    void largeValuesAreKeptOnlyUpToTheRegionsBytes() {
        ReadCache.Region charts = reads.byVersion("test-charts", 2000);
        long fiveMegabytes = 5L * 1024 * 1024;
        for (int i = 0; i < 20; i++) {
            int key = i;
            assertEquals(
                    fiveMegabytes,
                    charts.get(key, () -> new Blob(fiveMegabytes)).bytes());
        }
        assertTrue(charts.bytesHeld() <= ReadCache.REGION_BYTES, "held " + charts.bytesHeld());
    }

    @Test
    void smallValuesAreBoundedByTheEntryCount() {
        ReadCache.Region polls = reads.byVersion("test-polls", 100);
        for (int i = 0; i < 1000; i++) {
            int key = i;
            polls.get(key, () -> new Blob(10));
        }
        // each entry weighs its share of the bytes at least: 100 of them fill the region
        long share = ReadCache.REGION_BYTES / 100;
        assertTrue(polls.bytesHeld() <= 100 * share, "held " + polls.bytesHeld());
        assertEquals(share, ReadCache.weight(new Blob(10), share));
        assertEquals(3 * share, ReadCache.weight(new Blob(3 * share), share));
    }

    @Test
    void concurrentMissesOfOneKeyWaitForTheOneComputation() throws Exception {
        ReadCache.Region trends = reads.byVersion("test-trends", 10);
        AtomicInteger computed = new AtomicInteger();
        Race race = Race.run(
                trends,
                "series-a",
                () -> {
                    computed.incrementAndGet();
                    return new Blob(1);
                },
                () -> {
                    computed.incrementAndGet();
                    return new Blob(2);
                });
        try {
            Blob value = race.first().get(10, TimeUnit.SECONDS);
            assertSame(value, race.second().get(10, TimeUnit.SECONDS));
            assertEquals(1, computed.get());
            assertEquals(1.0, counter("pollwatch.cache.computations", "test-trends"));
            assertEquals(1.0, counter("pollwatch.cache.coalesced", "test-trends"));
        } finally {
            race.threads().shutdownNow();
        }
    }

    @Test
    void aFailedComputationIsNotSharedNorKept() throws Exception {
        ReadCache.Region trends = reads.byVersion("test-failures", 10);
        Race race = Race.run(
                trends,
                "series-b",
                () -> {
                    throw new IllegalStateException("no such series");
                },
                () -> new Blob(3));
        try {
            ExecutionException failure =
                    assertThrows(ExecutionException.class, () -> race.first().get(10, TimeUnit.SECONDS));
            assertEquals("no such series", failure.getCause().getMessage());
            // the waiter computed for itself, and its value is the one kept
            assertEquals(3, race.second().get(10, TimeUnit.SECONDS).bytes());
            assertEquals(3, trends.get("series-b", () -> new Blob(4)).bytes());
        } finally {
            race.threads().shutdownNow();
        }
    }

    /**
     * Two requests for one missing key: the first computes with {@code first}, held inside its
     * computation until the second, which would compute with {@code second}, is parked waiting; then
     * the first is let go.
     */
    private record Race(ExecutorService threads, Future<Blob> first, Future<Blob> second) {

        static Race run(ReadCache.Region region, String key, Supplier<Blob> first, Supplier<Blob> second)
                throws InterruptedException {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Blob> computing = threads.submit(() -> region.get(key, () -> {
                    entered.countDown();
                    await(release);
                    return first.get();
                }));
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                Thread[] waiter = new Thread[1];
                Future<Blob> waiting = threads.submit(() -> {
                    waiter[0] = Thread.currentThread();
                    return region.get(key, second);
                });
                waitUntilParked(waiter);
                release.countDown();
                return new Race(threads, computing, waiting);
            } catch (RuntimeException | Error | InterruptedException e) {
                threads.shutdownNow();
                throw e;
            }
        }
    }

    private double counter(String name, String region) {
        return metrics.get(name).tag("region", region).counter().count();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until the thread in {@code holder} waits: parked on the running computation. */
    private static void waitUntilParked(Thread[] holder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (holder[0] == null || holder[0].getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the second request never waited");
            Thread.sleep(1);
        }
    }
}
