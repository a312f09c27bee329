package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The split-conformal quantile, and the prediction range built on it, against hand-checked figures. */
class ConformalQuantileTest {

    private static ConformalQuantile scores(int... values) {
        ConformalQuantile q = new ConformalQuantile(2);
        for (int v : values) q.add(v);
        return q;
    }

    @Test
    void rankIsTheCeilingOfMPlusOneTimesTheLevel() {
        // 19 scores 1..19, added out of order: at 95 % the rank is ⌈20 · 0.95⌉ = 19, the largest score;
        // at 90 % ⌈18⌉ = 18; at 50 % ⌈10⌉ = 10.
        ConformalQuantile q = scores(7, 3, 19, 1, 12, 5, 18, 2, 9, 14, 4, 16, 6, 11, 8, 17, 10, 13, 15);
        assertEquals(19, q.size());
        assertEquals(19, q.quantile(0.95));
        assertEquals(18, q.quantile(0.90));
        assertEquals(10, q.quantile(0.50));
    }

    @Test
    void tooFewScoresForTheRankGiveNaN() {
        // 18 scores: ⌈19 · 0.95⌉ = ⌈18.05⌉ = 19 > 18, so no finite 95 % quantile yet; 90 %: ⌈17.1⌉ = 18.
        ConformalQuantile q = scores(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
        assertTrue(Double.isNaN(q.quantile(0.95)));
        assertEquals(18, q.quantile(0.90));
        assertTrue(Double.isNaN(scores().quantile(0.5)));
    }

    @Test
    void tiesAreKept() {
        // {2, 2, 2, 5}: at 50 % rank ⌈2.5⌉ = 3 → 2; at 75 % rank ⌈3.75⌉ = 4 → 5.
        ConformalQuantile q = scores(5, 2, 2, 2);
        assertEquals(2, q.quantile(0.5));
        assertEquals(5, q.quantile(0.75));
    }

    /**
     * A level series polled by 8 pollsters with heavy-tailed errors (Student t, 3 degrees of freedom,
     * scale 2 points). A normal range of z root-mean-square errors would hold P(|t₃| ≤ z·√3) of such
     * polls: 0.957 at z = 1.96, but 0.675 at the 50 % level (z = 0.674, P(|t₃| ≤ 1.168)); the
     * conformal range holds close to the level at both.
     */
    @Test
    void predictionRangeHoldsItsLevelOfHeavyTailedPolls() {
        Random rnd = new Random(16);
        List<PollObservation> polls = new ArrayList<>();
        LocalDate day0 = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 2000; i++) {
            int end = 2 + i / 4;
            double t3 = rnd.nextGaussian()
                    / Math.sqrt((sq(rnd.nextGaussian()) + sq(rnd.nextGaussian()) + sq(rnd.nextGaussian())) / 3);
            polls.add(new PollObservation(
                    "t" + i,
                    "Pollster " + (i % 8),
                    day0.plusDays(end - 2),
                    day0.plusDays(end),
                    day0.plusDays(end),
                    null,
                    "lv",
                    false,
                    Map.of("yes", 50 + 2 * t3),
                    null));
        }
        double at95 = shareInside(polls, 0.95), at50 = shareInside(polls, 0.5);
        assertTrue(at95 > 0.935 && at95 < 0.965, "share inside the 95 % range " + at95);
        assertTrue(at50 > 0.46 && at50 < 0.54, "share inside the 50 % range " + at50);
    }

    private static double shareInside(List<PollObservation> polls, double level) {
        TrendResult r = new TrendEngine()
                .compute(polls, TrendOptions.builder().confidenceLevel(level).build());
        Map<LocalDate, TrendPoint> byDay = new HashMap<>();
        for (TrendPoint p : r.points()) byDay.put(p.date(), p);
        int scored = 0, inside = 0;
        for (PollObservation p : polls) {
            TrendPoint before = byDay.get(p.availableFrom().minusDays(1));
            if (before == null) continue;
            scored++;
            double y = p.shares().get("yes");
            if (y >= before.predictionLower() && y <= before.predictionUpper()) inside++;
        }
        assertTrue(scored > 1900, "scored " + scored);
        return (double) inside / scored;
    }

    private static double sq(double v) {
        return v * v;
    }
}
