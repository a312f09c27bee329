package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cross-validation's own arithmetic and the days it scores. */
class TrendCrossValidationTest {

    @Test
    void pairedDifferenceIsTheMeanOfTheSplitDifferencesWithTheirStandardError() {
        // Differences 0.5, 0.5, -0.5, 1.0: mean 0.375; squared deviations sum to 1.1875, sd √(1.1875/3)
        // = 0.62915, standard error 0.62915/√4 = 0.31458.
        TrendCrossValidation.Difference d =
                TrendCrossValidation.paired(new double[] {1, 2, 3, 4}, new double[] {0.5, 1.5, 3.5, 3.0});
        assertEquals(0.375, d.mean(), 1e-12);
        assertEquals(0.31458, d.standardError(), 1e-5);
    }

    @Test
    void aConstantAdvantageOnEverySplitHasNoStandardError() {
        // Splits that differ widely from one another, one candidate 0.1 better on each: the unpaired
        // standard error of either mean is large, the paired one is 0.
        TrendCrossValidation.Difference d =
                TrendCrossValidation.paired(new double[] {0.4, 1.9, 0.9}, new double[] {0.5, 2.0, 1.0});
        assertEquals(-0.1, d.mean(), 1e-12);
        assertEquals(0, d.standardError(), 1e-12);
    }

    @Test
    void scoredDaysEndOnTheDayTheLastPollArrived() {
        // The concern-economy polls end on 2021-03-14; FiveThirtyEight's average of them runs into 2022.
        TrendCalibration.Data economy = TrendCalibration.all().stream()
                .filter(d -> d.name().equals("concern-economy"))
                .findFirst()
                .orElseThrow();
        List<LocalDate> days = TrendCrossValidation.scoredDays(economy);
        assertEquals(LocalDate.of(2021, 3, 14), days.get(days.size() - 1));
        assertTrue(economy.toplines().stream().anyMatch(t -> t.modelDate().isAfter(LocalDate.of(2022, 1, 1))));
        for (int i = 1; i < days.size(); i++) assertTrue(days.get(i).isAfter(days.get(i - 1)));
    }

    /**
     * A result of the current defaults, or of a band with one optional term more (a noise memory), whose
     * band narrowed overnight without a new poll by at most {@code narrowing}.
     */
    private static TrendCrossValidation.Result result(boolean oneMoreTerm, double narrowing, double... splitLosses) {
        TrendCrossValidation.Candidate c = oneMoreTerm
                ? TrendCrossValidation.bandGrid().stream()
                        .filter(x -> x.lagSpan() == TrendOptions.defaults().lagSpanDays()
                                && TrendCrossValidation.bandTerms(x)
                                        == TrendCrossValidation.bandTerms(TrendCrossValidation.defaults()) + 1)
                        .findFirst()
                        .orElseThrow()
                : TrendCrossValidation.defaults();
        double mean = java.util.Arrays.stream(splitLosses).average().orElseThrow();
        return new TrendCrossValidation.Result(c, mean, 0, 0, 0, 0, 0, splitLosses, narrowing);
    }

    private static final Comparator<TrendCrossValidation.Candidate> FEWER_TERMS =
            Comparator.comparingInt(TrendCrossValidation::bandTerms);

    @Test
    void defaultsChangeOnlyForAGainOfMoreThanTwoPairedStandardErrors() {
        TrendCrossValidation.Result current = result(false, 0, 1.0, 2.0, 1.5, 1.2);
        // 0.1 better on every split: the gain has no standard error, so it is real
        TrendCrossValidation.Result better = result(true, 0, 0.9, 1.9, 1.4, 1.1);
        // within one paired SE of the best (differences 0.03, -0.02, 0.01, 0: mean 0.005, SE 0.0104) and
        // with one term fewer than it, so the simpler one is taken
        TrendCrossValidation.Result simpler = result(false, 0, 0.93, 1.88, 1.41, 1.1);
        assertSame(simpler, TrendCrossValidation.choice(List.of(better, simpler, current), current, FEWER_TERMS));
        // better on two splits, worse on two: mean gain 0.05 with a paired SE of 0.087, no change
        TrendCrossValidation.Result luckier = result(true, 0, 0.8, 1.8, 1.6, 1.3);
        assertSame(current, TrendCrossValidation.choice(List.of(luckier, current), current, FEWER_TERMS));
    }

    @Test
    void aBandThatJumpsWithoutNewPollsNeverWins() {
        // the lowest loss, but its band narrowed by 40 % overnight on a day without a poll
        TrendCrossValidation.Result jumpy = result(true, 0.40, 0.5, 1.5, 1.0, 0.7);
        TrendCrossValidation.Result steady = result(false, 0.10, 1.0, 2.0, 1.5, 1.2);
        assertSame(steady, TrendCrossValidation.choice(List.of(jumpy, steady), steady, FEWER_TERMS));
        // defaults that jump are replaced by the best steady candidate even without a gain in loss
        TrendCrossValidation.Result worseButSteady = result(false, 0.20, 1.1, 2.1, 1.6, 1.3);
        assertSame(worseButSteady, TrendCrossValidation.choice(List.of(jumpy, worseButSteady), jumpy, FEWER_TERMS));
    }

    @Test
    void theDefaultBandDoesNotNarrowByAQuarterOvernightWithoutANewPoll() {
        for (TrendCalibration.Data d : TrendCalibration.all()) {
            List<LocalDate> days = TrendCrossValidation.scoredDays(d);
            TrendCalibration.Run run = TrendCalibration.run(
                    d,
                    TrendCrossValidation.defaults().apply(TrendCalibration.defaultsFor(d)),
                    days.get(days.size() - 1));
            double narrowing = TrendCrossValidation.largestQuietNarrowing(d.polls(), run.at95(), d.choices(), days);
            assertTrue(
                    narrowing <= TrendCrossValidation.STEADY_NARROWING,
                    d.name() + ": largest quiet narrowing " + narrowing);
        }
    }
}
