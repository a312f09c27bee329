package org.pollwatch.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A region is bounded by bytes as well as by entries. */
class ReadCacheTest {

    private record Blob(long bytes) implements ReadCache.Weighed {}

    private final ReadCache reads = new ReadCache(null);

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
}
