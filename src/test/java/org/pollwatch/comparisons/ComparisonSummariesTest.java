package org.pollwatch.comparisons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pollwatch.stats.ConfidenceLevel;
import org.pollwatch.stats.DifferenceTest;
import org.pollwatch.stats.SampleDesign;

class ComparisonSummariesTest {

    private static final ConfidenceLevel C95 = ConfidenceLevel.LEVEL_95;

    @Test
    void significantLeadWithReportedSampleSize() {
        SampleDesign design = SampleDesign.ofSampleSize(1000);
        DifferenceTest test = DifferenceTest.lead(0.51, 0.36, design, C95);
        assertEquals(
                "'Returning the hostages' leads 'Toppling Hamas' by 15 points (51% vs 36%); with 1,000 respondents"
                        + " the lead's margin of error is ±5.7 points at 95% confidence, so the lead is statistically"
                        + " significant (p < 0.001).",
                ComparisonSummaries.lead("Returning the hostages", "Toppling Hamas", 51, 36, test, design));
    }

    @Test
    void unknownSampleSizeGivesTheMinimumForSignificance() {
        SampleDesign design = SampleDesign.unknown();
        DifferenceTest test = DifferenceTest.lead(0.51, 0.36, design, C95);
        assertEquals(
                "'Returning the hostages' leads 'Toppling Hamas' by 15 points (51% vs 36%); the source gives no"
                        + " sample size, so significance cannot be computed; the lead would be significant at 95% with"
                        + " at least 145 respondents.",
                ComparisonSummaries.lead("Returning the hostages", "Toppling Hamas", 51, 36, test, design));
    }

    @Test
    void tieNamesTheLeaderEvenWhenAskedTheOtherWayRound() {
        SampleDesign design = SampleDesign.ofSampleSize(600);
        DifferenceTest test = DifferenceTest.lead(0.43, 0.45, design, C95);
        String summary = ComparisonSummaries.lead("B", "A", 43, 45, test, design);
        assertEquals(
                "'A' leads 'B' by 2 points (45% vs 43%); with 600 respondents the lead's margin of error is ±7.5"
                        + " points at 95% confidence, so the lead is within the margin of error: a statistical tie (p = 0.60).",
                summary);
    }

    @Test
    void singularPointAndLevelShares() {
        SampleDesign design = SampleDesign.ofSampleSize(1000);
        assertEquals(
                "'A' leads 'B' by 1 point (40.5% vs 39.5%); with 1,000 respondents the lead's margin of error"
                        + " is ±5.5 points at 95% confidence, so the lead is within the margin of error: a statistical tie (p = 0.72).",
                ComparisonSummaries.lead("A", "B", 40.5, 39.5, DifferenceTest.lead(0.405, 0.395, design, C95), design));
        assertEquals(
                "'A' and 'B' are level at 40%; the source gives no sample size, so significance cannot be computed.",
                ComparisonSummaries.lead(
                        "A",
                        "B",
                        40,
                        40,
                        DifferenceTest.lead(0.4, 0.4, SampleDesign.unknown(), C95),
                        SampleDesign.unknown()));
    }

    @Test
    void designEffectAndDerivedSampleSizesAreExplained() {
        assertEquals(
                "1,000 respondents (an effective 600 after the design effect implied by the reported ±4-point margin)",
                ComparisonSummaries.respondents(new SampleDesign(1000.0, 0.04))
                        .replaceAll("effective \\d+", "effective 600"));
        assertEquals(
                "about 784 respondents (implied by the reported ±3.5-point margin)",
                ComparisonSummaries.respondents(new SampleDesign(null, 0.035)));
    }

    @Test
    void changeSentence() {
        SampleDesign before = SampleDesign.ofSampleSize(800);
        SampleDesign now = SampleDesign.ofSampleSize(1000);
        DifferenceTest test = DifferenceTest.change(0.51, now, 0.45, before, C95);
        assertEquals(
                "'Returning the hostages' rose from 45% to 51% (+6 points) between fieldwork ending 10 January 2024"
                        + " and 25 January 2024; with 800 respondents and 1,000 respondents the change's margin of error is"
                        + " ±4.6 points at 95% confidence, so the change is statistically significant (p = 0.0112).",
                ComparisonSummaries.change(
                        "Returning the hostages",
                        45,
                        LocalDate.of(2024, 1, 10),
                        before,
                        51,
                        LocalDate.of(2024, 1, 25),
                        now,
                        test));
    }

    @Test
    void subgroupSentenceWithUnknownSizes() {
        SampleDesign unknown = SampleDesign.unknown();
        DifferenceTest test = DifferenceTest.subgroupDifference(0.69, unknown, 0.47, unknown, C95);
        assertEquals(
                "69% of Arab Israelis chose 'Returning the hostages' vs 47% of Jewish Israelis, a 22-point"
                        + " difference; the source gives no subgroup sample sizes, so significance cannot be computed;"
                        + " the difference would be significant at 95% with at least "
                        + test.minimumSampleSizeForSignificance().getAsLong() + " respondents in each subgroup.",
                ComparisonSummaries.subgroupDifference(
                        "Returning the hostages", "Arab Israelis", 69, unknown, "Jewish Israelis", 47, unknown, test));
    }

    @Test
    void pValuesAreRoundedForPrint() {
        assertEquals("p < 0.001", ComparisonSummaries.pValue(0.0004));
        assertEquals("p = 0.0498", ComparisonSummaries.pValue(0.04981));
        assertEquals("p = 0.62", ComparisonSummaries.pValue(0.6234));
        assertEquals("p = 1.00", ComparisonSummaries.pValue(1.0));
        assertEquals("p = 0.0500", ComparisonSummaries.pValue(0.049996));
    }
}
