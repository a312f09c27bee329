package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfidenceLevelTest {

    @Test
    void looksUpEachSupportedPercent() {
        assertSame(ConfidenceLevel.LEVEL_80, ConfidenceLevel.ofPercent(80));
        assertSame(ConfidenceLevel.LEVEL_90, ConfidenceLevel.ofPercent(90));
        assertSame(ConfidenceLevel.LEVEL_95, ConfidenceLevel.ofPercent(95));
        assertSame(ConfidenceLevel.LEVEL_99, ConfidenceLevel.ofPercent(99));
        assertSame(ConfidenceLevel.LEVEL_95, ConfidenceLevel.DEFAULT);
    }

    @Test
    void rejectsUnsupportedPercentWithClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfidenceLevel.ofPercent(42));
        assertTrue(e.getMessage().contains("42"), e.getMessage());
        assertTrue(e.getMessage().contains("80, 90, 95, 99"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfidenceLevel.ofPercent(0));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceLevel.ofPercent(100));
    }

    @Test
    void quantilesAreTheExactDoubleValues() {
        assertEquals(1.2815515655446004, ConfidenceLevel.LEVEL_80.z(), 0.0);
        assertEquals(1.6448536269514722, ConfidenceLevel.LEVEL_90.z(), 0.0);
        assertEquals(1.959963984540054, ConfidenceLevel.LEVEL_95.z(), 0.0);
        assertEquals(2.5758293035489004, ConfidenceLevel.LEVEL_99.z(), 0.0);
        assertEquals(95, ConfidenceLevel.LEVEL_95.percent());
        assertEquals(0.05, ConfidenceLevel.LEVEL_95.alpha(), 0.0);
        assertEquals(0.01, ConfidenceLevel.LEVEL_99.alpha(), 0.0);
    }

    @Test
    void quantilesAreConsistentWithTheNormalDistribution() {
        // The two-sided p-value at z_level must be alpha: this ties the constants to NormalDistribution.
        for (ConfidenceLevel level : ConfidenceLevel.values()) {
            assertEquals(level.alpha(), NormalDistribution.twoSidedPValue(level.z()), 1e-14, level.name());
        }
    }
}
