package org.pollwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pollwatch.problems.ProblemException;

/** A read beside other work runs once, on whichever thread claims it, and never waits on a queued task. */
class SideReadTest {

    @Test
    void aReadNoWorkerTookUpIsRunByTheThreadThatJoins() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        SeriesData.SideRead<String> read = new SeriesData.SideRead<>(
                () -> "polls " + reads.incrementAndGet(), queued::add); // a pool with no free worker

        assertEquals("polls 1", read.join());
        queued.forEach(Runnable::run); // the worker that finally takes it up finds it done
        assertEquals(1, reads.get());
        assertEquals("polls 1", read.join());
    }

    @Test
    void aReadTakenUpByAWorkerIsAwaited() throws Exception {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger reads = new AtomicInteger();
            Thread[] ranOn = new Thread[1];
            SeriesData.SideRead<Integer> read = new SeriesData.SideRead<>(
                    () -> {
                        ranOn[0] = Thread.currentThread();
                        return reads.incrementAndGet();
                    },
                    workers);
            workers.submit(() -> {}).get(); // the worker has run the read
            assertEquals(1, read.join());
            assertEquals(1, reads.get());
            assertNotSame(Thread.currentThread(), ranOn[0], "the joining thread ran the read");
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aRejectedReadRunsOnJoinAndItsProblemIsThrownAsItWas() {
        ProblemException missing = ProblemException.invalidField("series", "no such series");
        SeriesData.SideRead<String> read = new SeriesData.SideRead<>(
                () -> {
                    throw missing;
                },
                task -> {
                    throw new RejectedExecutionException("full");
                });
        assertSame(missing, assertThrows(ProblemException.class, read::join));
    }

    @Test
    void aCancelledReadThatNoWorkerTookUpNeverRuns() {
        List<Runnable> queued = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        SeriesData.SideRead<Integer> read = new SeriesData.SideRead<>(reads::incrementAndGet, queued::add);
        read.cancelOrAwait();
        queued.forEach(Runnable::run);
        assertEquals(0, reads.get());
    }
}
