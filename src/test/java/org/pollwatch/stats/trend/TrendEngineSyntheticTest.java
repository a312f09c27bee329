package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every method on synthetic polls whose truth is known. */
class TrendEngineSyntheticTest {

    private static final int DAYS = 300;
    private final TrendEngine engine = new TrendEngine();

    private static TrendOptions options(TrendMethod method, TrendMode mode) {
        return TrendOptions.builder()
                .method(method)
                .mode(mode)
                .to(SyntheticPolls.day(DAYS - 1))
                .build();
    }

    /** Worst |estimate - truth| and band coverage over the days [from, to]. */
    private record Fit(double maxError, double meanError, double meanSignedError, double coverage, int days) {}

    private static Fit fit(TrendResult r, IntToDoubleFunction truth, int from, int to) {
        double max = 0, sum = 0, signed = 0;
        int covered = 0, n = 0;
        for (TrendPoint p : r.points()) {
            int d = SyntheticPolls.index(p.date());
            if (d < from || d > to) continue;
            double t = truth.applyAsDouble(d);
            double e = p.estimate() - t;
            max = Math.max(max, Math.abs(e));
            sum += Math.abs(e);
            signed += e;
            if (p.lower() <= t && t <= p.upper()) covered++;
            n++;
        }
        assertEquals(to - from + 1, n, "one point per day expected");
        return new Fit(max, sum / n, signed / n, (double) covered / n, n);
    }

    private static double estimateOn(TrendResult r, int day) {
        return r.points().stream()
                .filter(p -> SyntheticPolls.index(p.date()) == day)
                .findFirst()
                .orElseThrow()
                .estimate();
    }

    @ParameterizedTest
    @EnumSource(TrendMethod.class)
    void constantLevelIsRecoveredAndCoveredByTheBand(TrendMethod method) {
        IntToDoubleFunction truth = d -> 50;
        List<PollObservation> polls = SyntheticPolls.generate(1, DAYS, 6, 4, truth, Map.of());
        for (TrendMode mode : TrendMode.values()) {
            Fit f = fit(engine.compute(polls, options(method, mode)), truth, 30, DAYS - 1);
            System.out.printf("constant %s %s: %s%n", method, mode, f);
            double tolerance = method == TrendMethod.LOESS && mode == TrendMode.REALTIME ? 2.0 : 1.0;
            assertTrue(f.maxError() <= tolerance, method + " " + mode + " max error " + f.maxError());
            assertTrue(f.coverage() >= 0.85, method + " " + mode + " band coverage " + f.coverage());
        }
    }

    @ParameterizedTest
    @EnumSource(TrendMethod.class)
    void stepChangeIsCaughtInRealtimeAndCentredInHindsight(TrendMethod method) {
        IntToDoubleFunction truth = d -> d < 150 ? 45 : 55;
        List<PollObservation> polls = SyntheticPolls.generate(2, DAYS, 6, 4, truth, Map.of());

        TrendResult realtime = engine.compute(polls, options(method, TrendMode.REALTIME));
        Fit before = fit(realtime, truth, 60, 149);
        // Caught up within N days: the LOESS span, the averaging window, or ~3 time constants of
        // the (slowly tuned) Kalman filter.
        int catchUp = switch (method) {
            case LOESS -> 30;
            case WEIGHTED_AVERAGE -> 45;
            case KALMAN -> 60;
        };
        Fit after = fit(realtime, truth, 150 + catchUp, DAYS - 1);
        System.out.printf("step %s realtime: before %s, after %s%n", method, before, after);
        assertTrue(before.maxError() <= (method == TrendMethod.LOESS ? 2.0 : 1.0), "before the step: " + before);
        assertTrue(
                after.maxError() <= (method == TrendMethod.LOESS ? 2.5 : 1.5),
                catchUp + " days after the step: " + after);
        assertTrue(estimateOn(realtime, 150) < 48, "realtime cannot know the step on its first day");

        TrendResult hindsight = engine.compute(polls, options(method, TrendMode.HINDSIGHT));
        double atStep = (estimateOn(hindsight, 149) + estimateOn(hindsight, 150)) / 2;
        System.out.printf("step %s hindsight: %.2f at the step%n", method, atStep);
        assertEquals(50, atStep, 2.0, "hindsight is centred on the step");
        assertTrue(fit(hindsight, truth, 30, 110).maxError() <= 1.0);
        assertTrue(fit(hindsight, truth, 190, DAYS - 31).maxError() <= 1.0);
    }

    @ParameterizedTest
    @EnumSource(TrendMethod.class)
    void linearDriftIsTracked(TrendMethod method) {
        IntToDoubleFunction truth = d -> 40 + 0.05 * d; // 1.5 points a month
        List<PollObservation> polls = SyntheticPolls.generate(3, DAYS, 6, 4, truth, Map.of());
        Fit realtime = fit(engine.compute(polls, options(method, TrendMode.REALTIME)), truth, 30, DAYS - 1);
        Fit hindsight = fit(engine.compute(polls, options(method, TrendMode.HINDSIGHT)), truth, 30, DAYS - 31);
        System.out.printf("drift %s: realtime %s, hindsight %s%n", method, realtime, hindsight);
        // A one-sided average lags a trend by about slope x mean poll age; a two-sided one does not.
        assertTrue(realtime.meanError() <= 1.2, "realtime " + realtime);
        assertTrue(hindsight.meanError() <= 0.6, "hindsight " + hindsight);
        assertTrue(Math.abs(hindsight.meanSignedError()) <= 0.3, "hindsight unbiased " + hindsight);
    }

    @ParameterizedTest
    @EnumSource(TrendMethod.class)
    void biasedPollsterIsFoundAndRemoved(TrendMethod method) {
        IntToDoubleFunction truth = d -> 48;
        List<PollObservation> polls = SyntheticPolls.generate(4, DAYS, 6, 4, truth, Map.of(0, 5.0));
        for (TrendMode mode : TrendMode.values()) {
            TrendOptions median = options(method, mode).toBuilder()
                    .houseEffectReference(HouseEffectReference.MEDIAN_POLLSTER)
                    .build();
            TrendResult adjusted = engine.compute(polls, median);
            Map<String, Double> effects = new java.util.HashMap<>();
            adjusted.houseEffects().forEach(h -> effects.put(h.pollster(), h.effect()));
            System.out.printf("bias %s %s: house effects %s%n", method, mode, effects);
            assertEquals(5, effects.get("Pollster 0"), 1.0, "biased pollster's house effect");
            for (int p = 1; p < 6; p++) assertEquals(0, effects.get("Pollster " + p), 1.0, "unbiased pollster " + p);

            int to = DAYS - (mode == TrendMode.HINDSIGHT ? 31 : 1);
            Fit withAdjustment = fit(adjusted, truth, 30, to);
            Fit without = fit(
                    engine.compute(
                            polls, median.toBuilder().adjustHouseEffects(false).build()),
                    truth,
                    30,
                    to);
            System.out.printf("bias %s %s: adjusted %s, unadjusted %s%n", method, mode, withAdjustment, without);
            assertTrue(without.meanSignedError() > 0.5, "one +5 pollster in six lifts a plain average ~0.8");
            // Shrunk toward 0 with a prior of 20 polls, the effect is only partly subtracted while the pollster
            // has few polls (realtime, early days): most of the bias goes, not all of it.
            assertTrue(
                    Math.abs(withAdjustment.meanSignedError()) < 0.5 * without.meanSignedError(),
                    "adjustment removes most of it: " + withAdjustment);

            // Measured from the polling average (default), effects are relative: still 5 apart.
            TrendResult relative = engine.compute(polls, options(method, mode));
            double biased = 0, others = 0;
            for (HouseEffect h : relative.houseEffects()) {
                if (h.pollster().equals("Pollster 0")) biased = h.effect();
                else others += h.effect() / 5;
            }
            assertEquals(5, biased - others, 1.0, "relative house effect");
        }
    }

    @Test
    void realtimeNeverUsesPollsFromTheFuture() {
        IntToDoubleFunction truth = d -> 50;
        List<PollObservation> polls = SyntheticPolls.generate(5, 120, 4, 4, truth, Map.of(1, 3.0));
        for (TrendMethod method : TrendMethod.values()) {
            TrendOptions o = options(method, TrendMode.REALTIME).toBuilder()
                    .to(SyntheticPolls.day(119))
                    .build();
            TrendResult all = engine.compute(polls, o);
            List<PollObservation> known = polls.stream()
                    .filter(p -> SyntheticPolls.index(p.availableFrom()) <= 80)
                    .toList();
            TrendResult partial = engine.compute(known, o);
            for (int d = 0; d <= 80; d++) {
                int day = d;
                var a = all.points().stream()
                        .filter(p -> SyntheticPolls.index(p.date()) == day)
                        .findFirst();
                var b = partial.points().stream()
                        .filter(p -> SyntheticPolls.index(p.date()) == day)
                        .findFirst();
                assertEquals(a.isPresent(), b.isPresent());
                a.ifPresent(p -> assertEquals(p.estimate(), b.get().estimate(), 1e-9, method + " day " + day));
            }
        }
    }

    @Test
    void populationPreferenceKeepsOneVersionAndDuplicatesAreMerged() {
        var start = SyntheticPolls.day(0);
        var end = SyntheticPolls.day(2);
        List<PollObservation> polls = List.of(
                new PollObservation("a", "X", start, end, end, 1000.0, "a", false, Map.of("yes", 40.0), null),
                new PollObservation("lv", "X", start, end, end, 800.0, "lv", false, Map.of("yes", 50.0), null),
                new PollObservation("rv1", "Y", start, end, end, 1000.0, "rv", false, Map.of("yes", 44.0), null),
                new PollObservation("rv2", "y ", start, end, end, 1000.0, "rv", false, Map.of("yes", 46.0), null));
        TrendOptions o = TrendOptions.builder()
                .method(TrendMethod.WEIGHTED_AVERAGE)
                .adjustHouseEffects(false)
                .build();
        TrendResult lvFirst = engine.compute(polls, o);
        assertEquals(List.of("lv", "rv1", "rv2"), lvFirst.contributingPollIds());
        assertEquals(2, lvFirst.points().get(0).effectivePolls(), 0.05, "Y's two wordings count as one poll");
        TrendResult adultsFirst = engine.compute(
                polls,
                o.toBuilder()
                        .populationPreference(PopulationPreference.ADULTS_FIRST)
                        .build());
        assertEquals(List.of("a", "rv1", "rv2"), adultsFirst.contributingPollIds());
        assertTrue(
                adultsFirst.points().get(0).estimate() < lvFirst.points().get(0).estimate());
    }

    @Test
    void resultShapeAndDefaults() {
        List<PollObservation> polls = SyntheticPolls.generate(6, 60, 3, 5, d -> 50, Map.of());
        TrendOptions o = TrendOptions.defaults().toBuilder()
                .from(SyntheticPolls.day(10))
                .to(SyntheticPolls.day(40))
                .build();
        TrendResult r = engine.compute(polls, o);
        assertEquals(31, r.points().size());
        assertEquals(SyntheticPolls.day(10), r.points().get(0).date());
        assertEquals(3, r.houseEffects().size());
        assertFalse(r.contributingPollIds().isEmpty());
        assertEquals(r.contributingPollIds().size(), new HashSet<>(r.contributingPollIds()).size());
        for (TrendPoint p : r.points()) {
            assertTrue(p.lower() <= p.estimate() && p.estimate() <= p.upper());
            assertTrue(p.effectivePolls() > 0);
        }
        TrendResult narrow =
                engine.compute(polls, o.toBuilder().confidenceLevel(0.5).build());
        TrendPoint wide95 = r.points().get(20), narrow50 = narrow.points().get(20);
        // The default band takes Student t(3) quantiles: 0.975 -> 3.182446, 0.75 -> 0.764892 (t tables)
        assertEquals(
                (wide95.upper() - wide95.lower()) / 3.182446, (narrow50.upper() - narrow50.lower()) / 0.764892, 1e-4);
        TrendResult none = engine.compute(List.of(), TrendOptions.defaults());
        assertTrue(none.points().isEmpty()
                && none.houseEffects().isEmpty()
                && none.contributingPollIds().isEmpty());
    }
}
