package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pollwatch.stats.ProportionsTest.assertMessageNames;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Expected values are computed in the comments; checked to 30 digits with mpmath. */
class DifferenceTestTest {

    private static final ConfidenceLevel L95 = ConfidenceLevel.LEVEL_95;
    private static final double EXACT = 1e-12;

    @Test
    void leadOf51Over36WithThousandRespondents() {
        // var = (0.51 + 0.36 - 0.15^2) / 1000 = (0.87 - 0.0225) / 1000 = 0.0008475
        // se  = sqrt(0.0008475) = 0.029111853256019274
        // MoE = 1.959963984540054 * se = 0.057058183905012881
        // z   = 0.15 / se = 5.1525403992954467, p = erfc(z / sqrt 2) = 2.5698123302836559e-7
        DifferenceTest test = DifferenceTest.lead(0.51, 0.36, SampleDesign.ofSampleSize(1000), L95);
        assertEquals(Comparison.LEAD, test.comparison());
        assertEquals(0.15, test.difference(), EXACT);
        assertEquals(0.029111853256019274, test.standardError().getAsDouble(), EXACT);
        assertEquals(0.057058183905012881, test.marginOfError().getAsDouble(), EXACT);
        assertEquals(5.1525403992954467, test.zStatistic().getAsDouble(), 1e-9);
        assertEquals(2.5698123302836559e-7, test.pValue().getAsDouble(), 1e-18);
        assertEquals(0.15 - 0.057058183905012881, test.interval().orElseThrow().lower(), EXACT);
        assertEquals(0.15 + 0.057058183905012881, test.interval().orElseThrow().upper(), EXACT);
        assertEquals(1000.0, test.effectiveSampleSizeA().getAsDouble(), 0.0);
        assertEquals(1000.0, test.effectiveSampleSizeB().getAsDouble(), 0.0);
        assertEquals(Verdict.LEAD, test.verdict());
        assertTrue(test.significant());
        assertTrue(test.significanceComputable());
        assertTrue(test.minimumSampleSizeForSignificance().isEmpty());
        assertTrue(test.formula().contains("(pA + pB - (pA - pB)^2) / n"), test.formula());
    }

    @Test
    void smallLeadIsAStatisticalTie() {
        // 48 vs 45, n = 1000: var = (0.93 - 0.0009) / 1000 = 0.0009291, se = 0.030481141710900529,
        // z = 0.03 / se = 0.98421510206330412 < 1.96, p = 0.32500976188412791
        DifferenceTest test = DifferenceTest.lead(0.48, 0.45, SampleDesign.ofSampleSize(1000), L95);
        assertEquals(0.030481141710900529, test.standardError().getAsDouble(), EXACT);
        assertEquals(0.98421510206330412, test.zStatistic().getAsDouble(), 1e-9);
        assertEquals(0.32500976188412791, test.pValue().getAsDouble(), EXACT);
        assertEquals(Verdict.STATISTICAL_TIE, test.verdict());
        assertFalse(test.significant());
    }

    @Test
    void leadAt99PercentUsesThatLevelsQuantile() {
        // 40 vs 35, n = 1500: var = (0.75 - 0.0025) / 1500 = 0.000498333..., se = 0.022323380867004293,
        // z = 0.05 / se = 2.2398041003683237: beyond 1.96 but not beyond 2.5758293035489004.
        // MoE = 2.5758293035489004 * se = 0.057501218591512516, p = 0.025103643570792946
        SampleDesign poll = SampleDesign.ofSampleSize(1500);
        DifferenceTest at99 = DifferenceTest.lead(0.40, 0.35, poll, ConfidenceLevel.LEVEL_99);
        assertEquals(0.057501218591512516, at99.marginOfError().getAsDouble(), EXACT);
        assertEquals(0.025103643570792946, at99.pValue().getAsDouble(), EXACT);
        assertEquals(Verdict.STATISTICAL_TIE, at99.verdict());
        assertEquals(Verdict.LEAD, DifferenceTest.lead(0.40, 0.35, poll, L95).verdict());
    }

    @Test
    void leadUsesTheEffectiveSampleSizeOfTheDesign() {
        // n = 1000 with reported MoE 0.04: effective n = 0.960364705173531 / 0.0016 = 600.22794073345704.
        // var = 0.8475 / 600.22794073345704 = 0.0014119635933048791, se = 0.037576104019774044,
        // z = 0.15 / se = 3.9918986790398499
        DifferenceTest test = DifferenceTest.lead(0.51, 0.36, new SampleDesign(1000.0, 0.04), L95);
        assertEquals(600.22794073345704, test.effectiveSampleSizeA().getAsDouble(), 1e-9);
        assertEquals(0.037576104019774044, test.standardError().getAsDouble(), EXACT);
        assertEquals(3.9918986790398499, test.zStatistic().getAsDouble(), 1e-9);
    }

    @Test
    void minimumSampleSizeForALeadWhenNIsUnknown() {
        // n_min = ceil(z^2 (p1 + p2 - d^2) / d^2) = ceil(3.841458820694124 * 0.8475 / 0.0225) =
        // ceil(144.69494891281204)
        DifferenceTest test = DifferenceTest.lead(0.51, 0.36, SampleDesign.unknown(), L95);
        assertEquals(145L, test.minimumSampleSizeForSignificance().getAsLong());
        assertFalse(test.significanceComputable());
        assertEquals(Verdict.UNKNOWN_SAMPLE_SIZE, test.verdict());
        assertFalse(test.significant());
        assertEquals(0.15, test.difference(), EXACT);
        assertTrue(test.standardError().isEmpty());
        assertTrue(test.marginOfError().isEmpty());
        assertTrue(test.interval().isEmpty());
        assertTrue(test.zStatistic().isEmpty());
        assertTrue(test.pValue().isEmpty());
        assertTrue(test.effectiveSampleSizeA().isEmpty());
        // At 80%: 1.2815515655446004^2 * 0.8475 / 0.0225 = 61.862769637309744 -> 62
        assertEquals(
                62L,
                DifferenceTest.lead(0.51, 0.36, SampleDesign.unknown(), ConfidenceLevel.LEVEL_80)
                        .minimumSampleSizeForSignificance()
                        .getAsLong());
    }

    @Test
    void minimumSampleSizeIsTheExactThresholdOfTheTest() {
        double[][] pairs = {{0.51, 0.36}, {0.45, 0.40}, {0.30, 0.29}, {0.9, 0.05}, {0.02, 0.0}};
        for (double[] pair : pairs) {
            for (ConfidenceLevel level : ConfidenceLevel.values()) {
                long n = DifferenceTest.lead(pair[0], pair[1], SampleDesign.unknown(), level)
                        .minimumSampleSizeForSignificance()
                        .getAsLong();
                assertTrue(DifferenceTest.lead(pair[0], pair[1], SampleDesign.ofSampleSize(n), level)
                        .significant());
                if (n > 1) {
                    assertFalse(
                            DifferenceTest.lead(pair[0], pair[1], SampleDesign.ofSampleSize(n - 1), level)
                                    .significant(),
                            "n - 1 must not be significant");
                }
                long m = DifferenceTest.change(
                                pair[0], SampleDesign.unknown(), pair[1], SampleDesign.ofSampleSize(5), level)
                        .minimumSampleSizeForSignificance()
                        .getAsLong();
                assertTrue(DifferenceTest.change(
                                pair[0], SampleDesign.ofSampleSize(m), pair[1], SampleDesign.ofSampleSize(m), level)
                        .significant());
                if (m > 1) {
                    assertFalse(DifferenceTest.change(
                                    pair[0],
                                    SampleDesign.ofSampleSize(m - 1),
                                    pair[1],
                                    SampleDesign.ofSampleSize(m - 1),
                                    level)
                            .significant());
                }
            }
        }
    }

    @Test
    void changeBetweenTwoIndependentPolls() {
        // 45% (n = 1000) now vs 42% (n = 800) before:
        // var = 0.45 * 0.55 / 1000 + 0.42 * 0.58 / 800 = 0.0002475 + 0.0003045 = 0.000552
        // se = 0.023494680248941461, z = 0.03 / se = 1.2768847961381229, p = 0.20164292255914943
        // MoE = 1.959963984540054 * se = 0.046048727116209814
        DifferenceTest test =
                DifferenceTest.change(0.45, SampleDesign.ofSampleSize(1000), 0.42, SampleDesign.ofSampleSize(800), L95);
        assertEquals(Comparison.CHANGE, test.comparison());
        assertEquals(0.03, test.difference(), EXACT);
        assertEquals(0.023494680248941461, test.standardError().getAsDouble(), EXACT);
        assertEquals(1.2768847961381229, test.zStatistic().getAsDouble(), 1e-9);
        assertEquals(0.20164292255914943, test.pValue().getAsDouble(), EXACT);
        assertEquals(0.046048727116209814, test.marginOfError().getAsDouble(), EXACT);
        assertEquals(1000.0, test.effectiveSampleSizeA().getAsDouble(), 0.0);
        assertEquals(800.0, test.effectiveSampleSizeB().getAsDouble(), 0.0);
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, test.verdict());
        assertTrue(test.formula().contains("pNew (1 - pNew) / nNew + pOld (1 - pOld) / nOld"), test.formula());
    }

    @Test
    void changeWithAnUnknownPollAssumesEqualSizes() {
        // 45% vs 40%: n_min > z^2 (0.45 * 0.55 + 0.40 * 0.60) / 0.05^2 = 3.841458820694124 * 0.4875 / 0.0025
        //   = 749.08447003535438 -> 750 in each poll
        DifferenceTest test =
                DifferenceTest.change(0.45, SampleDesign.ofSampleSize(1000), 0.40, SampleDesign.unknown(), L95);
        assertEquals(Verdict.UNKNOWN_SAMPLE_SIZE, test.verdict());
        assertEquals(750L, test.minimumSampleSizeForSignificance().getAsLong());
        assertEquals(1000.0, test.effectiveSampleSizeA().getAsDouble(), 0.0);
        assertTrue(test.effectiveSampleSizeB().isEmpty());
        assertTrue(test.formula().contains("equal n"), test.formula());
    }

    @Test
    void differenceBetweenSubgroups() {
        // Men 55% (n = 480) vs women 45% (n = 520):
        // var = 0.2475 / 480 + 0.2475 / 520 = 0.00099158653846153846, se = 0.031489467103486182,
        // z = 0.1 / se = 3.1756650460727883, p = 0.0014949345442272083, MoE = 0.061718221415191731
        DifferenceTest test = DifferenceTest.subgroupDifference(
                0.55, SampleDesign.ofSampleSize(480), 0.45, SampleDesign.ofSampleSize(520), L95);
        assertEquals(Comparison.SUBGROUP_DIFFERENCE, test.comparison());
        assertEquals(0.031489467103486182, test.standardError().getAsDouble(), EXACT);
        assertEquals(3.1756650460727883, test.zStatistic().getAsDouble(), 1e-9);
        assertEquals(0.0014949345442272083, test.pValue().getAsDouble(), EXACT);
        assertEquals(0.061718221415191731, test.marginOfError().getAsDouble(), EXACT);
        assertEquals(Verdict.SIGNIFICANT_DIFFERENCE, test.verdict());
        assertTrue(test.formula().contains("subgroups"), test.formula());
        // Unknown sizes: n_min > 3.841458820694124 * 0.495 / 0.01 = 190.15221162435919 -> 191 per subgroup
        DifferenceTest unknown =
                DifferenceTest.subgroupDifference(0.55, SampleDesign.unknown(), 0.45, SampleDesign.unknown(), L95);
        assertEquals(191L, unknown.minimumSampleSizeForSignificance().getAsLong());
        assertEquals(Verdict.UNKNOWN_SAMPLE_SIZE, unknown.verdict());
    }

    @Test
    void swappingTheSharesFlipsOnlyTheSign() {
        SampleDesign n900 = SampleDesign.ofSampleSize(900);
        SampleDesign n600 = new SampleDesign(600.0, 0.05);
        List<BiFunction<Double, Double, DifferenceTest>> kinds = List.of(
                (a, b) -> DifferenceTest.lead(a, b, n900, L95),
                (a, b) -> DifferenceTest.change(a, n900, b, n900, L95),
                (a, b) -> DifferenceTest.subgroupDifference(a, n600, b, n600, L95));
        double[][] pairs = {{0.51, 0.36}, {0.33, 0.31}, {0.6, 0.0}, {0.12, 0.47}};
        for (BiFunction<Double, Double, DifferenceTest> kind : kinds) {
            for (double[] pair : pairs) {
                DifferenceTest ab = kind.apply(pair[0], pair[1]);
                DifferenceTest ba = kind.apply(pair[1], pair[0]);
                assertEquals(-ab.difference(), ba.difference(), 0.0);
                assertEquals(-ab.zStatistic().getAsDouble(), ba.zStatistic().getAsDouble(), 1e-15);
                assertEquals(
                        -ab.interval().orElseThrow().upper(),
                        ba.interval().orElseThrow().lower(),
                        1e-15);
                assertEquals(
                        -ab.interval().orElseThrow().lower(),
                        ba.interval().orElseThrow().upper(),
                        1e-15);
                assertEquals(
                        ab.standardError().getAsDouble(), ba.standardError().getAsDouble(), 1e-15);
                assertEquals(
                        ab.marginOfError().getAsDouble(), ba.marginOfError().getAsDouble(), 1e-15);
                assertEquals(ab.pValue().getAsDouble(), ba.pValue().getAsDouble(), 1e-15);
                assertEquals(ab.verdict(), ba.verdict());
            }
        }
    }

    @Test
    void largerSamplesNeverWidenTheInterval() {
        double previousLead = Double.POSITIVE_INFINITY;
        double previousChange = Double.POSITIVE_INFINITY;
        for (int n = 10; n <= 5000; n += 10) {
            SampleDesign poll = SampleDesign.ofSampleSize(n);
            double lead = DifferenceTest.lead(0.42, 0.38, poll, L95)
                    .interval()
                    .orElseThrow()
                    .width();
            double change = DifferenceTest.change(0.42, poll, 0.38, poll, L95)
                    .interval()
                    .orElseThrow()
                    .width();
            assertTrue(lead <= previousLead, "lead interval widened at n = " + n);
            assertTrue(change <= previousChange, "change interval widened at n = " + n);
            previousLead = lead;
            previousChange = change;
        }
    }

    @Test
    void equalSharesAreATieWithZeroZAndPValueOne() {
        SampleDesign poll = SampleDesign.ofSampleSize(1000);
        for (double share : new double[] {0.0, 0.25, 0.5}) {
            DifferenceTest lead = DifferenceTest.lead(share, share, poll, L95);
            assertEquals(0.0, lead.zStatistic().getAsDouble(), 0.0);
            assertEquals(1.0, lead.pValue().getAsDouble(), 0.0);
            assertEquals(Verdict.STATISTICAL_TIE, lead.verdict());
            DifferenceTest change = DifferenceTest.change(share, poll, share, poll, L95);
            assertEquals(0.0, change.zStatistic().getAsDouble(), 0.0);
            assertEquals(1.0, change.pValue().getAsDouble(), 0.0);
            assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, change.verdict());
            assertEquals(
                    Verdict.NO_SIGNIFICANT_DIFFERENCE,
                    DifferenceTest.subgroupDifference(share, poll, share, poll, L95)
                            .verdict());
            // No n could make a zero difference significant.
            assertTrue(DifferenceTest.lead(share, share, SampleDesign.unknown(), L95)
                    .minimumSampleSizeForSignificance()
                    .isEmpty());
        }
    }

    @Test
    void zeroVarianceNeverProducesNaN() {
        // Both shares 0: variance 0, difference 0 -> z = 0, p = 1, interval [0, 0].
        DifferenceTest zeros =
                DifferenceTest.change(0.0, SampleDesign.ofSampleSize(50), 0.0, SampleDesign.ofSampleSize(50), L95);
        assertEquals(0.0, zeros.standardError().getAsDouble(), 0.0);
        assertEquals(0.0, zeros.zStatistic().getAsDouble(), 0.0);
        assertEquals(1.0, zeros.pValue().getAsDouble(), 0.0);
        assertEquals(0.0, zeros.interval().orElseThrow().width(), 0.0);
        // 100% vs 0%: variance 0 but a certain difference -> z = +infinity, p = 0, a lead.
        DifferenceTest sweep = DifferenceTest.lead(1.0, 0.0, SampleDesign.ofSampleSize(50), L95);
        assertEquals(Double.POSITIVE_INFINITY, sweep.zStatistic().getAsDouble());
        assertEquals(0.0, sweep.pValue().getAsDouble(), 0.0);
        assertEquals(Verdict.LEAD, sweep.verdict());
        // Unknown n: the smallest n at which 100% vs 0% is significant is 6 (exact test: 2 / 2^6 = 1/32 < 0.05,
        // while 5 gives 2 / 2^5 = 1/16 > 0.05), not the 1 a z test without variance would claim.
        assertEquals(
                6L,
                DifferenceTest.lead(1.0, 0.0, SampleDesign.unknown(), L95)
                        .minimumSampleSizeForSignificance()
                        .getAsLong());
    }

    @Test
    void intervalIsClippedToPossibleDifferences() {
        // Change from 0% to 50% with n = 1 in each poll: se = sqrt(0.5 * 0.5 / 1 + 0) = 0.5,
        // MoE = 1.959963984540054 * 0.5 = 0.979981992270027, so 0.5 +- 0.98 = [-0.479981992270027, 1.479...],
        // of which the upper end is clipped to 1.
        DifferenceTest test =
                DifferenceTest.change(0.5, SampleDesign.ofSampleSize(1), 0.0, SampleDesign.ofSampleSize(1), L95);
        assertEquals(0.5 - 0.979981992270027, test.interval().orElseThrow().lower(), EXACT);
        assertEquals(1.0, test.interval().orElseThrow().upper(), 0.0);
    }

    @Test
    void rejectsInvalidInputsNamingTheArgument() {
        SampleDesign poll = SampleDesign.ofSampleSize(1000);
        assertMessageNames("shareA", () -> DifferenceTest.lead(1.5, 0.2, poll, L95));
        assertMessageNames("shareB", () -> DifferenceTest.lead(0.2, -0.1, poll, L95));
        assertMessageNames("shareA", () -> DifferenceTest.lead(Double.NaN, 0.2, poll, L95));
        assertMessageNames(
                "shareB", () -> DifferenceTest.subgroupDifference(0.2, poll, Double.POSITIVE_INFINITY, poll, L95));
        assertMessageNames("shareA + shareB", () -> DifferenceTest.lead(0.6, 0.5, poll, L95));
        assertMessageNames("currentShare", () -> DifferenceTest.change(2.0, poll, 0.1, poll, L95));
        assertMessageNames("previousShare", () -> DifferenceTest.change(0.1, poll, 2.0, poll, L95));
        assertMessageNames("poll", () -> DifferenceTest.lead(0.5, 0.3, null, L95));
        assertMessageNames("previousPoll", () -> DifferenceTest.change(0.1, poll, 0.2, null, L95));
        assertMessageNames("level", () -> DifferenceTest.lead(0.5, 0.3, poll, null));
    }
}
