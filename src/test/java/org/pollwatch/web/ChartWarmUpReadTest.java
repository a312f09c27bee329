package org.pollwatch.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's read step runs on a thread of its own at startup, where no request is active: it
 * must still reach the database (sessions are routed per request between primary and replica).
 */
@QuarkusTest
class ChartWarmUpReadTest {

    @Inject
    ChartWarmUp warmUp;

    @Test
    void theReadStepReachesTheDatabaseFromAThreadOutsideAnyRequest() throws InterruptedException {
        AtomicBoolean read = new AtomicBoolean();
        Thread thread = new Thread(() -> read.set(warmUp.warmUpRead(500)), "warm-up-read-test");
        thread.start();
        thread.join(60_000);
        assertTrue(read.get(), "the read step ran (a skipped one logs why)");
    }
}
