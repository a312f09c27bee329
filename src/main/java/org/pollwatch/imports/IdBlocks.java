package org.pollwatch.imports;

/**
 * Takes ids from a sequence the way Hibernate's "pooled-lo" optimizer does (set in
 * application.properties, and Quarkus' default), so that ids written by SQL and ids given out by the
 * ORM never meet: the sequences go up by {@link #BLOCK} (V1__polls_schema.sql) and each value
 * {@code v} drawn from one stands for the ids {@code v .. v+49} (Hibernate ORM {@code PooledLoOptimizer}:
 * the value read is the low end of the block). The SQL that draws the values is in {@link BulkPollWriter}.
 */
final class IdBlocks {

    static final int BLOCK = 50;

    private IdBlocks() {}

    /** Writes the ids of the block starting at {@code low} into {@code ids} from {@code from}; returns the next free index. */
    static int fill(long[] ids, int from, long low) {
        int index = from;
        for (long id = low; id < low + BLOCK && index < ids.length; id++) {
            ids[index++] = id;
        }
        return index;
    }
}
