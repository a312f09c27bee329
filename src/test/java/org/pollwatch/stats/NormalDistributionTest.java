package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values: published normal tables, confirmed to 30+ digits with mpmath (ncdf, erfc). */
class NormalDistributionTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void cdfMatchesTableValues() {
        assertEquals(0.5, NormalDistribution.cdf(0.0), 0.0);
        assertEquals(0.9750021048517795, NormalDistribution.cdf(1.96), TOLERANCE);
        assertEquals(0.6914624612740131, NormalDistribution.cdf(0.5), TOLERANCE);
        assertEquals(0.15865525393145705, NormalDistribution.cdf(-1.0), TOLERANCE);
        assertEquals(0.975, NormalDistribution.cdf(1.959963984540054), TOLERANCE);
        assertEquals(1.0, NormalDistribution.cdf(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, NormalDistribution.cdf(Double.NEGATIVE_INFINITY), 0.0);
    }

    @Test
    void cdfKeepsRelativeAccuracyInTheLowerTail() {
        // Phi(-5) = 2.866515718791939e-7, Phi(-10) = 7.619853024160526e-24: 1 - Phi(|x|) would give 0 or noise.
        assertEquals(2.866515718791939e-7, NormalDistribution.cdf(-5.0), 2.866515718791939e-7 * 1e-13);
        assertEquals(7.619853024160526e-24, NormalDistribution.cdf(-10.0), 7.619853024160526e-24 * 1e-13);
    }

    @Test
    void twoSidedPValueMatchesTableValues() {
        assertEquals(0.05, NormalDistribution.twoSidedPValue(1.959963984540054), TOLERANCE);
        assertEquals(0.0026997960632601866, NormalDistribution.twoSidedPValue(3.0), TOLERANCE);
        assertEquals(0.31731050786291410, NormalDistribution.twoSidedPValue(1.0), TOLERANCE);
        assertEquals(0.01, NormalDistribution.twoSidedPValue(2.5758293035489004), TOLERANCE);
        assertEquals(1.0, NormalDistribution.twoSidedPValue(0.0), 0.0);
        assertEquals(0.0, NormalDistribution.twoSidedPValue(Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void twoSidedPValueHasNoCancellationForLargeZ() {
        // 2 (1 - Phi(8)) = 1.2441921148543568e-15; computing 1 - cdf would lose every digit.
        assertEquals(5.733031437583878e-7, NormalDistribution.twoSidedPValue(5.0), 5.733031437583878e-7 * 1e-13);
        assertEquals(1.2441921148543568e-15, NormalDistribution.twoSidedPValue(8.0), 1.2441921148543568e-15 * 1e-13);
    }

    @Test
    void twoSidedPValueIsSymmetric() {
        for (double z = 0.0; z < 10.0; z += 0.37) {
            assertEquals(NormalDistribution.twoSidedPValue(z), NormalDistribution.twoSidedPValue(-z), 0.0);
        }
    }

    @Test
    void erfcMatchesReferenceValuesOnEachOfCodysIntervals() {
        assertEquals(0.6713732405408726, NormalDistribution.erfc(0.3), TOLERANCE); // |x| <= 0.46875
        assertEquals(0.004677734981047266, NormalDistribution.erfc(2.0), TOLERANCE); // 0.46875 < x <= 4
        assertEquals(1.8427007929497148, NormalDistribution.erfc(-1.0), TOLERANCE); // negative argument
        assertEquals(2.1519736712498913e-17, NormalDistribution.erfc(6.0), 2.1519736712498913e-17 * 1e-13); // x > 4
        assertEquals(0.0, NormalDistribution.erfc(30.0), 0.0);
        assertEquals(2.0, NormalDistribution.erfc(-30.0), 0.0);
    }

    @Test
    void cdfIsMonotoneAcrossIntervalBoundaries() {
        double previous = 0.0;
        for (double x = -12.0; x <= 12.0; x += 0.001) {
            double current = NormalDistribution.cdf(x);
            assertTrue(current >= previous, "cdf decreased at x = " + x);
            previous = current;
        }
    }

    @Test
    void rejectsNaN() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NormalDistribution.twoSidedPValue(Double.NaN));
        assertTrue(e.getMessage().contains("z"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NormalDistribution.cdf(Double.NaN));
    }

    @Test
    void inverseCdfMatchesTheExactQuantilesOfEveryConfidenceLevel() {
        // Acklam's approximation is good to ~1e-9 relative; the enum holds the exact quantiles.
        for (ConfidenceLevel level : ConfidenceLevel.values()) {
            assertEquals(
                    level.z(), NormalDistribution.twoSidedQuantile(level.percent() / 100.0), 1e-8, level.toString());
        }
        assertEquals(0.0, NormalDistribution.inverseCdf(0.5), 1e-15);
        assertEquals(-NormalDistribution.inverseCdf(0.01), NormalDistribution.inverseCdf(0.99), 1e-12);
        // round trip through the CDF, also in the tails handled by the second branch
        for (double p : new double[] {1e-6, 0.001, 0.02, 0.3, 0.9, 0.999}) {
            assertEquals(p, NormalDistribution.cdf(NormalDistribution.inverseCdf(p)), p * 1e-7);
        }
    }
}
