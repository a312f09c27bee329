package org.pollwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exact small-sample lead test; each p-value is worked out by hand in the comment next to it. */
class ExactBinomialTest {

    private static final ConfidenceLevel L95 = ConfidenceLevel.LEVEL_95;

    @Test
    void pValuesByHand() {
        // 1 of 1: P(X >= 1 | m = 1) = 1/2, p = min(1, 2 * 1/2) = 1
        assertEquals(1.0, ExactBinomial.twoSidedPValue(1, 0), 1e-15);
        // 2 of 2: P(X >= 2 | m = 2) = 1/4, p = 1/2
        assertEquals(0.5, ExactBinomial.twoSidedPValue(2, 0), 1e-15);
        // 8 of 10: (C(10,8) + C(10,9) + C(10,10)) / 2^10 = (45 + 10 + 1) / 1024, p = 112 / 1024
        assertEquals(112.0 / 1024.0, ExactBinomial.twoSidedPValue(8, 2), 1e-15);
        // symmetric in the two counts
        assertEquals(112.0 / 1024.0, ExactBinomial.twoSidedPValue(2, 8), 1e-15);
        // 6 of 6: 1/64, p = 1/32
        assertEquals(1.0 / 32.0, ExactBinomial.twoSidedPValue(6, 0), 1e-15);
        // ties and empty pairs have p = 1
        assertEquals(1.0, ExactBinomial.twoSidedPValue(3, 3), 0.0);
        assertEquals(1.0, ExactBinomial.twoSidedPValue(0, 0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> ExactBinomial.twoSidedPValue(-1, 2));
    }

    @Test
    void hundredToNothingInOneInterviewIsNoLead() {
        DifferenceTest one = DifferenceTest.lead(1.0, 0.0, SampleDesign.ofSampleSize(1), L95);
        assertTrue(one.exactTest());
        assertEquals(1.0, one.pValue().getAsDouble(), 1e-15);
        assertEquals(Verdict.STATISTICAL_TIE, one.verdict());
        assertTrue(one.formula().contains("exact conditional binomial"), one.formula());

        DifferenceTest two = DifferenceTest.lead(1.0, 0.0, SampleDesign.ofSampleSize(2), L95);
        assertEquals(0.5, two.pValue().getAsDouble(), 1e-15);
        assertEquals(Verdict.STATISTICAL_TIE, two.verdict());
    }

    @Test
    void exactTestOnlyBelowThirtyExpectedAnswers() {
        // n (pA + pB) = 50 * 0.6 = 30: normal approximation; 49 * 0.6 = 29.4: exact.
        DifferenceTest normal = DifferenceTest.lead(0.4, 0.2, SampleDesign.ofSampleSize(50), L95);
        assertFalse(normal.exactTest());
        DifferenceTest exact = DifferenceTest.lead(0.4, 0.2, SampleDesign.ofSampleSize(49), L95);
        assertTrue(exact.exactTest());
        // counts round(19.6) = 20 and round(9.8) = 10, m = 30: P(X >= 20) = sum of
        // C(30, i) / 2^30 for i = 20..30 = 53009102 / 1073741824, p = twice that = 0.0987 -> not significant,
        // where the z test would say z = 0.2 / sqrt((0.6 - 0.04) / 49) = 1.8708 -> also not significant.
        assertEquals(2.0 * 53009102.0 / 1073741824.0, exact.pValue().getAsDouble(), 1e-15);
        assertEquals(Verdict.STATISTICAL_TIE, exact.verdict());
        // 6-0 in a 6-person sample: p = 1/32 < 0.05, a lead by the exact test too.
        DifferenceTest six = DifferenceTest.lead(1.0, 0.0, SampleDesign.ofSampleSize(6), L95);
        assertEquals(1.0 / 32.0, six.pValue().getAsDouble(), 1e-15);
        assertEquals(Verdict.LEAD, six.verdict());
    }

    @Test
    void subgroupMarginGrowsWithThePollsDesignEffect() {
        // Two subgroups of 260 at 50% each: SE = sqrt(2 * 0.25 / 260) = 0.043852900965351466,
        // MoE = 1.959963984540054 * SE = 0.085950106 -> 8.60 points. With deff 1.37 the effective n is
        // 260 / 1.37 and the MoE grows by sqrt(1.37) = 1.1704699910719625: 0.100601 -> 10.06 points.
        SampleDesign plain = SampleDesign.ofSampleSize(260);
        DifferenceTest srs = DifferenceTest.subgroupDifference(0.5, plain, 0.5, plain, L95);
        assertEquals(0.085950106, srs.marginOfError().getAsDouble(), 1e-8);

        SampleDesign poll = new SampleDesign(1000.0, null, 1.37);
        SampleDesign weighted = SampleDesign.subgroupOf(260.0, poll);
        assertEquals(260.0 / 1.37, weighted.effectiveSampleSize().orElseThrow().value(), 1e-9);
        DifferenceTest withDeff = DifferenceTest.subgroupDifference(0.5, weighted, 0.5, weighted, L95);
        assertEquals(0.085950106 * 1.1704699910719625, withDeff.marginOfError().getAsDouble(), 1e-8);
        assertTrue(withDeff.formula().contains("deff = 1.3700"), withDeff.formula());

        // The figure: a subgroup MoE of 8.60 points becomes 8.60 * sqrt(1.37) = 10.07 points.
        assertEquals(10.07, Math.round(8.60 * Math.sqrt(1.37) * 100) / 100.0, 0.0);

        // deff from the poll's n and margin: n = 1000, MoE 3.6 -> deff = (0.036 / (1.96 * 0.5 / sqrt 1000))^2
        SampleDesign reported = new SampleDesign(1000.0, 0.036);
        double srsMargin = 1.959963984540054 * 0.5 / Math.sqrt(1000.0);
        double deff = (0.036 / srsMargin) * (0.036 / srsMargin);
        assertEquals(
                deff, SampleDesign.subgroupOf(200.0, reported).designEffect().getAsDouble(), 1e-12);
        // a poll without n or margin passes no design effect on
        assertTrue(SampleDesign.subgroupOf(200.0, SampleDesign.ofSampleSize(1000))
                .designEffect()
                .isEmpty());
    }

    @Test
    void unknownSubgroupSizesNeedDeffTimesMoreRespondents() {
        // 0.6 vs 0.4, unknown n: effective n_min > 3.8415 * 0.48 / 0.04 = 46.1 -> 47; with deff 1.5 -> 70.5 -> 71
        SampleDesign poll = new SampleDesign(1000.0, null, 1.5);
        DifferenceTest plain =
                DifferenceTest.subgroupDifference(0.6, SampleDesign.unknown(), 0.4, SampleDesign.unknown(), L95);
        assertEquals(47L, plain.minimumSampleSizeForSignificance().getAsLong());
        DifferenceTest weighted = DifferenceTest.subgroupDifference(
                0.6, SampleDesign.subgroupOf(null, poll), 0.4, SampleDesign.subgroupOf(null, poll), L95);
        assertEquals(71L, weighted.minimumSampleSizeForSignificance().getAsLong());
    }
}
