package org.pollwatch.common.readreplica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void readsAndWritesPostgresNotation() {
        Lsn lsn = Lsn.parseOrNull("16/B374D848");
        assertEquals((0x16L << 32) + 0xB374D848L, lsn.position());
        assertEquals("16/B374D848", lsn.toString());
        assertEquals("0/0", new Lsn(0).toString());
        assertEquals("FFFFFFFF/FFFFFFFF", Lsn.parseOrNull("ffffffff/ffffffff").toString());
    }

    @Test
    void ordersAsUnsigned64BitOffsets() {
        Lsn high = Lsn.parseOrNull("FFFFFFFF/0");
        Lsn low = Lsn.parseOrNull("1/0");
        assertTrue(high.isAtLeast(low));
        assertTrue(high.compareTo(low) > 0);
        assertEquals(0x100000000L, Lsn.parseOrNull("1/10").bytesAfter(Lsn.parseOrNull("0/10")));
        assertEquals(0, low.bytesAfter(high));
    }

    @Test
    void rejectsWhatIsNotAnLsn() {
        assertNull(Lsn.parseOrNull("yesterday"));
        assertNull(Lsn.parseOrNull("123456789/0"));
        assertNull(Lsn.parseOrNull("1/"));
        assertNull(Lsn.parseOrNull(null));
    }
}
