package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Polls with a known truth: {@code pollsters} pollsters, each fielding a 3-day poll of 1,000
 * every {@code gapDays} days (staggered), reporting truth + house bias + sampling noise + 1 point
 * of non-sampling noise, for the single choice "yes".
 */
final class SyntheticPolls {

    static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);
    static final String CHOICE = "yes";

    private SyntheticPolls() {}

    static List<PollObservation> generate(
            long seed, int days, int pollsters, int gapDays, IntToDoubleFunction truth, Map<Integer, Double> bias) {
        Random rnd = new Random(seed);
        List<PollObservation> polls = new ArrayList<>();
        for (int p = 0; p < pollsters; p++) {
            for (int end = 2 + p % gapDays; end < days; end += gapDays) {
                double mid = truth.applyAsDouble(end - 1);
                double n = 1000;
                double samplingSd = 100 * Math.sqrt(mid / 100 * (1 - mid / 100) / n);
                double value = mid + bias.getOrDefault(p, 0.0) + samplingSd * rnd.nextGaussian() + rnd.nextGaussian();
                polls.add(new PollObservation(
                        "p" + p + "-" + end,
                        "Pollster " + p,
                        day(end - 2),
                        day(end),
                        day(end),
                        n,
                        "lv",
                        false,
                        Map.of(CHOICE, Math.max(0, Math.min(100, value))),
                        null));
            }
        }
        return polls;
    }

    static LocalDate day(int d) {
        return DAY0.plusDays(d);
    }

    static int index(LocalDate date) {
        return (int) (date.toEpochDay() - DAY0.toEpochDay());
    }
}
