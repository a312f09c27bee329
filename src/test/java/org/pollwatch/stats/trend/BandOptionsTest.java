package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The band's optional terms ({@link TrendCrossValidation} decides which are on by default): Student-t
 * quantile, lag of a one-sided average, non-sampling variance from recent residuals only. None moves the
 * average.
 */
class BandOptionsTest {

    private static final int DAYS = 300;
    private final TrendEngine engine = new TrendEngine();

    private static TrendOptions.Builder realtime() {
        return TrendOptions.builder().mode(TrendMode.REALTIME).to(SyntheticPolls.day(DAYS - 1));
    }

    private TrendPoint on(List<PollObservation> polls, TrendOptions options, int day) {
        return engine.compute(polls, options).points().stream()
                .filter(p -> SyntheticPolls.index(p.date()) == day)
                .findFirst()
                .orElseThrow();
    }

    private static double half(TrendPoint p) {
        return (p.upper() - p.lower()) / 2;
    }

    @Test
    void studentTQuantileWidensTheBandByTheRatioOfQuantiles() {
        List<PollObservation> polls = SyntheticPolls.generate(7, DAYS, 6, 4, d -> 50, Map.of());
        TrendPoint normal = on(polls, realtime().bandTailDf(0).build(), 200);
        TrendPoint t5 = on(polls, realtime().bandTailDf(5).build(), 200);
        // t(5) 0.975 quantile 2.5706 (tables: e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2) over z 1.95996
        assertEquals(2.5706 / 1.95996, half(t5) / half(normal), 1e-3);
        assertEquals(normal.estimate(), t5.estimate(), 1e-12);
        assertEquals(normal.predictionUpper(), t5.predictionUpper(), 1e-12);
    }

    @Test
    void studentTQuantileIsTheWeightedAveragesOnly() {
        // LOESS and KALMAN bands are their models' own standard errors, never scaled with the t quantile.
        List<PollObservation> polls = SyntheticPolls.generate(7, DAYS, 6, 4, d -> 50, Map.of());
        for (TrendMethod method : List.of(TrendMethod.LOESS, TrendMethod.KALMAN)) {
            TrendPoint normal =
                    on(polls, realtime().method(method).bandTailDf(0).build(), 200);
            TrendPoint t3 = on(polls, realtime().method(method).bandTailDf(3).build(), 200);
            assertEquals(half(normal), half(t3), 1e-12, method.name());
        }
        TrendPoint normal = on(polls, realtime().bandTailDf(0).build(), 200);
        TrendPoint t3 = on(polls, realtime().bandTailDf(3).build(), 200);
        // t(3) 0.975 quantile 3.1824 (NIST/SEMATECH e-Handbook 1.3.6.7.2) over z 1.95996
        assertEquals(3.1824 / 1.95996, half(t3) / half(normal), 1e-3);
    }

    @Test
    void lagTermWidensTheBandWhileOpinionMovesOnly() {
        IntToDoubleFunction rising = d -> 40 + 0.1 * d;
        List<PollObservation> moving = SyntheticPolls.generate(8, DAYS, 6, 4, rising, Map.of());
        TrendPoint without = on(moving, realtime().lagSpanDays(0).build(), 250);
        TrendPoint with = on(moving, realtime().lagSpanDays(14).build(), 250);
        assertEquals(without.estimate(), with.estimate(), 1e-12);
        // the average trails a 0.1-point-a-day rise by 0.1 · its mean age (several days): the band grows
        assertTrue(half(with) > half(without) + 0.05, half(with) + " vs " + half(without));
        assertTrue(
                with.lower() <= rising.applyAsDouble(250) && rising.applyAsDouble(250) <= with.upper(),
                "truth inside the widened band");

        List<PollObservation> flat =
                List.of(poll("a", 10, 50), poll("b", 12, 50), poll("a", 20, 50), poll("b", 22, 50), poll("a", 30, 50));
        TrendOptions.Builder shortSeries = realtime().to(SyntheticPolls.day(40));
        TrendPoint flatWithout = onDay(flat, shortSeries.lagSpanDays(0).build(), 40);
        TrendPoint flatWith = onDay(flat, shortSeries.lagSpanDays(14).build(), 40);
        assertEquals(half(flatWithout), half(flatWith), 1e-12, "no movement, no lag term");
    }

    @Test
    void theLagTermWidensTheBandForWeeksAfterAJumpAndNeverNarrowsItByAQuarterOnADayWithoutPolls() {
        // opinion steps from 45 to 55 on day 150; two pollsters, each every 6 days: 4 days in 6 without a poll
        IntToDoubleFunction step = d -> d < 150 ? 45 : 55;
        List<PollObservation> polls = SyntheticPolls.generate(11, DAYS, 2, 6, step, Map.of());
        TrendOptions lag = realtime().lagSpanDays(14).build();
        TrendResult result = engine.compute(polls, lag);
        List<java.time.LocalDate> days =
                result.points().stream().map(TrendPoint::date).toList();
        java.util.Set<java.time.LocalDate> arrivals = new java.util.HashSet<>();
        for (PollObservation p : polls) arrivals.add(p.availableFrom());
        assertTrue(days.stream().filter(d -> !arrivals.contains(d)).count() > 150, "quiet days");
        double narrowing = TrendCrossValidation.largestQuietNarrowing(
                polls, TrendCalibration.index(result), List.of(SyntheticPolls.CHOICE), days);
        assertTrue(narrowing <= 0.25, "largest narrowing overnight without a poll " + narrowing);
        double beforeJump = half(on(polls, lag, 145));
        for (int day : new int[] {160, 175, 190}) {
            double after = half(on(polls, lag, day));
            assertTrue(after > 1.2 * beforeJump, "day " + day + ": " + after + " vs " + beforeJump);
        }
    }

    @Test
    void recentNoiseMemoryForgetsAnEarlySurge() {
        // A surge of ±8 points day to day in the first 100 days, calm after: the residuals of the surge
        // inflate the non-sampling variance estimated from every residual, not that of the last 90 days.
        IntToDoubleFunction truth = d -> d < 100 ? 50 + 8 * Math.sin(d * 1.3) : 50;
        List<PollObservation> polls = SyntheticPolls.generate(9, DAYS, 6, 4, truth, Map.of());
        TrendPoint all = on(polls, realtime().build(), 290);
        TrendPoint recent = on(polls, realtime().noiseMemoryDays(90).build(), 290);
        assertEquals(all.estimate(), recent.estimate(), 1e-12);
        assertTrue(half(recent) < 0.8 * half(all), half(recent) + " vs " + half(all));
        TrendPoint early = on(polls, realtime().build(), 95);
        TrendPoint earlyRecent = on(polls, realtime().noiseMemoryDays(90).build(), 95);
        assertEquals(half(early), half(earlyRecent), 0.05 * half(early), "within the memory both agree");
    }

    @Test
    void optionsOutsideTheirRangeAreRefused() {
        for (Runnable bad : List.<Runnable>of(
                () -> TrendOptions.builder().bandTailDf(0.5).build(),
                () -> TrendOptions.builder().lagSpanDays(-1).build(),
                () -> TrendOptions.builder().noiseMemoryDays(-1).build())) {
            try {
                bad.run();
                throw new AssertionError("accepted");
            } catch (IllegalArgumentException expected) {
                // refused, as it should be
            }
        }
    }

    private TrendPoint onDay(List<PollObservation> polls, TrendOptions options, int day) {
        return on(polls, options, day);
    }

    private static PollObservation poll(String pollster, int endDay, double yes) {
        return new PollObservation(
                pollster + endDay,
                pollster,
                SyntheticPolls.day(endDay - 2),
                SyntheticPolls.day(endDay),
                SyntheticPolls.day(endDay + 1),
                1000.0,
                "a",
                false,
                Map.of(SyntheticPolls.CHOICE, yes),
                null);
    }
}
