package org.pollwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pollwatch.stats.trend.PollObservation;
import org.pollwatch.stats.trend.TrendPoint;

/** The startup warm-up runs the paths of a chart after a change: a whole trend, resumed ones, drawings. */
class ChartWarmUpTest {

    @Test
    void theSyntheticSeriesIsRepeatableAndHasWhatRealSeriesHave() {
        List<PollObservation> polls = ChartWarmUp.syntheticPolls(5_000, new Random(1));
        assertEquals(polls, ChartWarmUp.syntheticPolls(5_000, new Random(1)));
        assertEquals(5_000, polls.size());
        long unknownSize = polls.stream().filter(p -> p.sampleSize() == null).count();
        assertTrue(unknownSize > 400 && unknownSize < 600, unknownSize + " polls without n");
        Set<String> populations =
                polls.stream().map(PollObservation::population).collect(Collectors.toSet());
        assertEquals(Set.of("a", "rv", "lv"), populations);
        assertEquals(
                40, polls.stream().map(PollObservation::pollster).distinct().count());
        for (int i = 1; i < polls.size(); i++) {
            assertTrue(!polls.get(i).fieldEnd().isBefore(polls.get(i - 1).fieldEnd()), "oldest first");
        }
    }

    @Test
    void itResumesTheTrendAfterANewPollAndDrawsIt() {
        ChartWarmUp.Result result = ChartWarmUp.warmUp(3_000);
        // the last round's poll sits inside the series: both choices resumed from its day, not swept whole
        assertEquals(2, result.computation().resumedChoices());
        List<TrendPoint> points = result.computation().result().points();
        assertEquals(
                Set.of("approve", "disapprove"),
                points.stream().map(TrendPoint::choice).collect(Collectors.toSet()));
        assertTrue(points.size() > 2 * 300, points.size() + " points");
        // two charts in two themes and a PNG: each at least a few kilobytes
        assertTrue(result.bytesDrawn() > 5 * 4096, result.bytesDrawn() + " bytes drawn");
    }
}
