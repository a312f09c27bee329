package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pollwatch.stats.ProportionsTest.assertMessageNames;

import org.junit.jupiter.api.Test;

class SampleDesignTest {

    // z95^2 * 0.25 = 1.959963984540054^2 / 4 = 3.841458820694124 / 4 = 0.960364705173531
    private static final double Z95_SQUARED_QUARTER = 0.960364705173531;

    @Test
    void designEffectFromReportedMarginAboveSrsMargin() {
        // n = 1000, reported MoE 4.0 points; SRS MoE = 0.030989751615228078.
        // deff = (0.04 / 0.030989751615228078)^2 = 0.0016 * 1000 / 0.960364705173531 = 1.6660337384128367
        // effective n = 1000 / deff = 0.960364705173531 / 0.0016 = 600.2279407334570
        SampleDesign design = new SampleDesign(1000.0, 0.04);
        assertEquals(1.6660337384128367, design.designEffect().getAsDouble(), 1e-12);
        EffectiveSampleSize effective = design.effectiveSampleSize().orElseThrow();
        assertEquals(600.227940733457, effective.value(), 1e-9);
        assertEquals(1.6660337384128367, effective.designEffect(), 1e-12);
        assertEquals(EffectiveSampleSize.Basis.REPORTED_SIZE_AND_MARGIN, effective.basis());
        assertFalse(effective.derived());
        // With the effective n, the p = 0.5 margin at 95% gives back the reported 4 points.
        assertEquals(0.04, design.marginOfError(0.5, ConfidenceLevel.LEVEL_95).getAsDouble(), 1e-15);
    }

    @Test
    void reportedMarginBelowSrsMarginIsTreatedAsRounding() {
        // n = 1000 with "±3 points" (< 3.099): deff would be 0.937, floored to 1, so effective n stays 1000.
        SampleDesign design = new SampleDesign(1000.0, 0.03);
        assertEquals(1.0, design.designEffect().getAsDouble(), 0.0);
        assertEquals(1000.0, design.effectiveSampleSize().orElseThrow().value(), 0.0);
    }

    @Test
    void sampleSizeAloneMeansSimpleRandomSampling() {
        SampleDesign design = SampleDesign.ofSampleSize(800);
        assertTrue(design.designEffect().isEmpty());
        EffectiveSampleSize effective = design.effectiveSampleSize().orElseThrow();
        assertEquals(800.0, effective.value(), 0.0);
        assertEquals(1.0, effective.designEffect(), 0.0);
        assertEquals(EffectiveSampleSize.Basis.REPORTED_SIZE, effective.basis());
        // 1.959963984540054 * sqrt(0.16 / 800) = 1.959963984540054 * 0.01414213562373095 = 0.02771807648699356
        assertEquals(
                0.02771807648699356,
                design.marginOfError(0.2, ConfidenceLevel.LEVEL_95).getAsDouble(),
                1e-15);
    }

    @Test
    void sampleSizeIsDerivedFromMarginWhenOmitted() {
        // MoE 3.1 points: n = 0.960364705173531 / 0.031^2 = 0.960364705173531 / 0.000961 = 999.3389231774516
        // (slightly below 1000 because 3.1 is the rounded 3.099 of n = 1000).
        SampleDesign design = new SampleDesign(null, 0.031);
        EffectiveSampleSize effective = design.effectiveSampleSize().orElseThrow();
        assertEquals(999.3389231774519, effective.value(), 1e-9);
        assertEquals(Z95_SQUARED_QUARTER / (0.031 * 0.031), effective.value(), 1e-9);
        assertTrue(effective.derived());
        assertEquals(EffectiveSampleSize.Basis.DERIVED_FROM_MARGIN, effective.basis());
        assertEquals(1.0, effective.designEffect(), 0.0);
        assertTrue(design.designEffect().isEmpty(), "deff is not identifiable without n");
    }

    @Test
    void nothingKnownMeansNothingInvented() {
        SampleDesign design = SampleDesign.unknown();
        assertTrue(design.effectiveSampleSize().isEmpty());
        assertTrue(design.designEffect().isEmpty());
        assertTrue(design.marginOfError(0.5, ConfidenceLevel.LEVEL_95).isEmpty());
    }

    @Test
    void rejectsInvalidFiguresNamingThem() {
        assertMessageNames("sampleSize", () -> new SampleDesign(0.0, null));
        assertMessageNames("sampleSize", () -> new SampleDesign(Double.NaN, null));
        assertMessageNames("reportedMarginOfError", () -> new SampleDesign(1000.0, 3.1)); // percent, not proportion
        assertMessageNames("reportedMarginOfError", () -> new SampleDesign(null, 0.0));
        assertMessageNames("reportedMarginOfError", () -> new SampleDesign(null, Double.NaN));
        assertMessageNames("p", () -> SampleDesign.ofSampleSize(100).marginOfError(2.0, ConfidenceLevel.LEVEL_95));
    }
}
