package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: times {@link TrendEngine#compute} on 10,000 synthetic polls over three years
 * (60 pollsters, two choices, a few daily trackers), warm. Run by hand:
 * {@code java -cp target/classes:target/test-classes org.pollwatch.stats.trend.TrendBenchmark}.
 */
public final class TrendBenchmark {

    public static void main(String[] args) {
        List<PollObservation> polls = polls(10_000, 3 * 365, 60, 42);
        TrendEngine engine = new TrendEngine();
        for (TrendMode mode : TrendMode.values()) {
            for (TrendMethod method : TrendMethod.values()) {
                TrendOptions o =
                        TrendOptions.builder().method(method).mode(mode).build();
                for (int i = 0; i < 30; i++) engine.compute(polls, o); // warm-up (JIT)
                int runs = 50;
                long best = Long.MAX_VALUE, total = 0;
                int points = 0;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    points = engine.compute(polls, o).points().size();
                    long dt = System.nanoTime() - t0;
                    best = Math.min(best, dt);
                    total += dt;
                }
                System.out.printf(
                        "%-9s %-16s 10,000 polls -> %d points: mean %.1f ms, best %.1f ms%n",
                        mode, method, points, total / 1e6 / runs, best / 1e6);
            }
        }
        resumedAfterOneNewPoll(polls, engine);
    }

    /**
     * The default trend after one new poll, resumed from the computation before it and computed whole,
     * alternating: the poll published on the last day (a submission to a large series), then on a
     * random day of the series (an old poll entered late), 80 times each after 30 rounds of warm-up.
     */
    private static void resumedAfterOneNewPoll(List<PollObservation> polls, TrendEngine engine) {
        TrendOptions o = TrendOptions.defaults();
        TrendComputation before = engine.compute(polls, o, null);
        LocalDate first = polls.stream()
                .map(PollObservation::fieldEnd)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = polls.stream()
                .map(PollObservation::availableFrom)
                .max(LocalDate::compareTo)
                .orElseThrow();
        Random rnd = new Random(7);
        for (boolean lastDay : new boolean[] {true, false}) {
            long bestWhole = Long.MAX_VALUE, bestResumed = Long.MAX_VALUE, whole = 0, resumed = 0;
            int runs = 80;
            for (int i = 0; i < 30 + runs; i++) {
                LocalDate end =
                        lastDay ? last : first.plusDays(rnd.nextInt((int) (last.toEpochDay() - first.toEpochDay())));
                List<PollObservation> after = new ArrayList<>(polls);
                after.add(new PollObservation(
                        "new",
                        "Pollster 7",
                        end.minusDays(2),
                        end,
                        end,
                        1000.0,
                        "lv",
                        false,
                        Map.of("yes", 47.0, "no", 48.0),
                        null));
                long t0 = System.nanoTime();
                engine.compute(after, o, null);
                long t1 = System.nanoTime();
                engine.compute(after, o, before);
                long t2 = System.nanoTime();
                if (i < 30) continue; // warm-up (JIT)
                bestWhole = Math.min(bestWhole, t1 - t0);
                bestResumed = Math.min(bestResumed, t2 - t1);
                whole += t1 - t0;
                resumed += t2 - t1;
            }
            System.out.printf(
                    "REALTIME  WEIGHTED_AVERAGE one new poll, %s: whole mean %.1f ms, best %.1f ms;"
                            + " resumed mean %.1f ms, best %.1f ms%n",
                    lastDay ? "last day" : "random day",
                    whole / 1e6 / runs,
                    bestWhole / 1e6,
                    resumed / 1e6 / runs,
                    bestResumed / 1e6);
        }
    }

    static List<PollObservation> polls(int count, int days, int pollsters, long seed) {
        Random rnd = new Random(seed);
        LocalDate day0 = LocalDate.of(2022, 1, 1);
        List<PollObservation> polls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // The first five pollsters are daily trackers and publish about half of all polls.
            int p = rnd.nextInt(2) == 0 ? rnd.nextInt(5) : 5 + rnd.nextInt(pollsters - 5);
            int end = rnd.nextInt(days);
            double truth = 45 + 5 * Math.sin(end / 120.0);
            double yes = Math.max(0, Math.min(100, truth + rnd.nextGaussian() * 2 + (p % 7 - 3) * 0.5));
            LocalDate e = day0.plusDays(end);
            polls.add(new PollObservation(
                    "b" + i,
                    "Pollster " + p,
                    e.minusDays(2),
                    e,
                    e.plusDays(rnd.nextInt(3)),
                    rnd.nextInt(10) == 0 ? null : 500.0 + rnd.nextInt(1500),
                    p % 2 == 0 ? "lv" : "rv",
                    p < 5,
                    Map.of("yes", yes, "no", Math.max(0, 95 - yes)),
                    null));
        }
        return polls;
    }
}
