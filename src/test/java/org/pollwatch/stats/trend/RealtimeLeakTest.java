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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realtime never uses the future: for every day D, the realtime value at D computed from all polls equals
 * the value at D computed from only the polls (versions) available by D, for every quantity involved
 * (unknown sample sizes, variances, house effects, population choice, revisions and retractions), and
 * adding polls that became available after D changes nothing at D.
 */
class RealtimeLeakTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private final TrendEngine engine = new TrendEngine();

    /** The defaults, and the band's optional terms (lag, recent noise, t quantile) switched on. */
    static List<TrendOptions> bandVariants() {
        return List.of(
                TrendOptions.defaults(),
                TrendOptions.builder()
                        .lagSpanDays(7)
                        .noiseMemoryDays(20)
                        .bandTailDf(5)
                        .build());
    }

    @ParameterizedTest
    @MethodSource("bandVariants")
    void everyDayIsComputedFromWhatWasAvailableThatDay(TrendOptions options) {
        List<PollObservation> polls = synthetic(new Random(16));
        Map<String, TrendPoint> all = index(
                engine.compute(polls, options.toBuilder().to(START.plusDays(60)).build()));
        int checked = 0;
        for (int day = 0; day <= 60; day++) {
            LocalDate d = START.plusDays(day);
            List<PollObservation> known = new ArrayList<>();
            for (PollObservation p : polls) if (!p.availableFrom().isAfter(d)) known.add(p);
            Map<String, TrendPoint> then =
                    index(engine.compute(known, options.toBuilder().to(d).build()));
            for (String choice : List.of("yes", "no")) {
                TrendPoint a = all.get(choice + d), b = then.get(choice + d);
                assertEquals(a == null, b == null, "point of " + choice + " on " + d);
                if (a == null) continue;
                assertEquals(b.estimate(), a.estimate(), 1e-9, choice + " on " + d);
                assertEquals(b.lower(), a.lower(), 1e-9, choice + " band on " + d);
                assertEquals(b.upper(), a.upper(), 1e-9, choice + " band on " + d);
                assertEquals(b.predictionLower(), a.predictionLower(), 1e-9, choice + " prediction on " + d);
                checked++;
            }
        }
        assertTrue(checked > 80, "days checked: " + checked);
    }

    @Test
    void laterPollsOfUnknownSizeDoNotMoveEarlierDays() {
        List<PollObservation> polls = synthetic(new Random(7));
        Map<String, TrendPoint> before = index(engine.compute(polls, TrendOptions.defaults()));
        List<PollObservation> more = new ArrayList<>(polls);
        for (int i = 0; i < 10; i++) {
            LocalDate end = START.plusDays(61 + i);
            more.add(new PollObservation(
                    "late-" + i,
                    "Huge Pollster",
                    end,
                    end,
                    end,
                    i % 2 == 0 ? null : 50000.0,
                    "a",
                    false,
                    Map.of("yes", 70.0, "no", 25.0),
                    null));
        }
        Map<String, TrendPoint> after = index(engine.compute(more, TrendOptions.defaults()));
        for (Map.Entry<String, TrendPoint> e : before.entrySet()) {
            assertEquals(e.getValue().estimate(), after.get(e.getKey()).estimate(), 1e-9, e.getKey());
            assertEquals(e.getValue().upper(), after.get(e.getKey()).upper(), 1e-9, e.getKey());
        }
    }

    @Test
    void aRevisedVersionCountsOnlyFromItsDay() {
        LocalDate end = START.plusDays(5);
        PollObservation first = new PollObservation(
                "1", "A", end, end, end, 1000.0, "a", false, Map.of("yes", 40.0), START.plusDays(10));
        PollObservation revised = new PollObservation(
                "1", "A", end, end, START.plusDays(10), 1000.0, "a", false, Map.of("yes", 60.0), null);
        Map<String, TrendPoint> points = index(engine.compute(List.of(first, revised), TrendOptions.defaults()));
        assertEquals(40.0, points.get("yes" + START.plusDays(9)).estimate(), 1e-9);
        assertEquals(60.0, points.get("yes" + START.plusDays(10)).estimate(), 1e-9);
        // retracted on day 12: nothing left to average from then on
        PollObservation retracted = new PollObservation(
                "1", "A", end, end, START.plusDays(10), 1000.0, "a", false, Map.of("yes", 60.0), START.plusDays(12));
        Map<String, TrendPoint> gone = index(engine.compute(
                List.of(first, retracted),
                TrendOptions.defaults().toBuilder().to(START.plusDays(14)).build()));
        assertTrue(gone.containsKey("yes" + START.plusDays(11)));
        assertTrue(!gone.containsKey("yes" + START.plusDays(12)), "a retracted poll stops counting");
    }

    /**
     * Three pollsters with house effects, a third of the polls without n, some published late, one poll
     * reported for adults first and for likely voters days later, revisions and a retraction.
     */
    private static List<PollObservation> synthetic(Random r) {
        List<PollObservation> out = new ArrayList<>();
        String[] pollsters = {"Alpha", "Beta", "Gamma"};
        double[] house = {2, -1, 0};
        for (int i = 0; i < 45; i++) {
            int p = i % 3;
            LocalDate end = START.plusDays(i + r.nextInt(3));
            LocalDate published = end.plusDays(r.nextInt(4));
            double truth = 50 + i * 0.1;
            double yes = Math.round(10 * (truth + house[p] + 2 * r.nextGaussian())) / 10.0;
            Double n = i % 3 == 1 ? null : 500.0 + r.nextInt(1500);
            Map<String, Double> shares = Map.of("yes", yes, "no", Math.round(10 * (95 - yes)) / 10.0);
            LocalDate until = i % 10 == 4 ? published.plusDays(5) : null;
            out.add(new PollObservation(
                    "p" + i, pollsters[p], end.minusDays(2), end, published, n, "a", false, shares, until));
            if (until != null) { // the revision that replaced it, or (i = 24) a retraction
                if (i != 24) {
                    out.add(new PollObservation(
                            "p" + i,
                            pollsters[p],
                            end.minusDays(2),
                            end,
                            until,
                            n,
                            "a",
                            false,
                            Map.of("yes", yes + 3, "no", Math.round(10 * (92 - yes)) / 10.0),
                            null));
                }
            }
            if (i % 9 == 0) { // the same poll among likely voters, published later: replaces adults from then
                out.add(new PollObservation(
                        "p" + i + "-lv",
                        pollsters[p],
                        end.minusDays(2),
                        end,
                        published.plusDays(3),
                        n,
                        "lv",
                        false,
                        Map.of("yes", yes - 2, "no", Math.round(10 * (97 - yes)) / 10.0),
                        null));
            }
        }
        return out;
    }

    private static Map<String, TrendPoint> index(TrendResult result) {
        Map<String, TrendPoint> byKey = new HashMap<>();
        for (TrendPoint p : result.points()) byKey.put(p.choice() + p.date(), p);
        return byKey;
    }
}
