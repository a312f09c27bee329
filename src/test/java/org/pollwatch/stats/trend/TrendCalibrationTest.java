package org.pollwatch.stats.trend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The realtime default against FiveThirtyEight's published averages on the three series of the test
 * resources (README, "Validation against FiveThirtyEight"): the accuracy targets of every series, and the
 * prediction-range target on every answer, the 95 % band's lower limit on every answer and the 50 %
 * band's coverage on average. The bands' per-answer ranges are reported by {@link TrendCalibration#main},
 * not asserted: they are not all within their targets yet.
 */
class TrendCalibrationTest {

    @Test
    void defaultsMeetTheAccuracyTargetsOfEverySeries() {
        for (TrendCalibration.Data d : TrendCalibration.all()) {
            List<TrendCalibration.Score> scores =
                    TrendCalibration.score(d, TrendCalibration.defaultsFor(d), null, null);
            scores.forEach(s -> System.out.println(d.name() + " " + s));
            double mean = scores.stream()
                    .mapToDouble(TrendCalibration.Score::mae)
                    .average()
                    .orElseThrow();
            if (d.name().contains("approval")) {
                for (TrendCalibration.Score s : scores) {
                    assertTrue(s.mae() <= 0.50, d.name() + " " + s);
                }
            } else {
                assertTrue(mean <= 1.2, d.name() + " mean MAE " + mean);
            }
        }
    }

    @Test
    void predictionRangeHoldsNinetyThreeToNinetySevenPercentOfPollsOnEveryAnswer() {
        for (TrendCalibration.Data d : TrendCalibration.all()) {
            for (TrendCalibration.Score s : TrendCalibration.score(d, TrendCalibration.defaultsFor(d), null, null)) {
                assertTrue(s.polls() > 150, d.name() + " " + s);
                assertTrue(s.predictive95() >= 0.93 && s.predictive95() <= 0.97, d.name() + " prediction range: " + s);
            }
        }
    }

    @Test
    void ninetyFivePercentBandIsNeverTooNarrowAndTheFiftyPercentBandIsRightOnAverage() {
        // Per answer the 95 % band must not fall below 88 %; the 50 % band's coverage, averaged over the ten
        // answers, must lie in 40-60 %. (Its per-answer range, and the 95 % band's upper limit, are not met
        // on every answer: README, "Against the targets".)
        double sum50 = 0;
        int answers = 0;
        for (TrendCalibration.Data d : TrendCalibration.all()) {
            for (TrendCalibration.Score s : TrendCalibration.score(d, TrendCalibration.defaultsFor(d), null, null)) {
                assertTrue(s.days() > 200, d.name() + " " + s);
                assertTrue(s.cover95() >= 0.88, d.name() + " 95 % band: " + s);
                sum50 += s.cover50();
                answers++;
            }
        }
        assertTrue(answers == 10, "answers scored: " + answers);
        assertTrue(sum50 / answers >= 0.40 && sum50 / answers <= 0.60, "mean 50 % band coverage " + sum50 / answers);
    }
}
