package org.pollwatch.stats.trend;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightObservations;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightPollReader;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightToplineReader;
import org.pollwatch.imports.fivethirtyeight.PollRow;
import org.pollwatch.imports.fivethirtyeight.RowError;
import org.pollwatch.imports.fivethirtyeight.Topline;

/**
 * FiveThirtyEight's Biden COVID-approval polls and published daily averages (test resources, CC BY
 * 4.0), and the comparison of our realtime trend with those averages.
 */
final class FiveThirtyEightFixture {

    static final String DIR = "/fivethirtyeight-covid/";
    static final List<String> CHOICES = List.of("approve", "disapprove");

    /** Mean absolute errors in points over the model dates that have an estimate. */
    record Mae(double approve, double disapprove, int days, int missing, LocalDate first, LocalDate last) {
        double worst() {
            return Math.max(approve, disapprove);
        }

        @Override
        public String toString() {
            return String.format(
                    "approve MAE %.3f, disapprove MAE %.3f over %d days %s..%s (%d without estimate)",
                    approve, disapprove, days, first, last, missing);
        }
    }

    private FiveThirtyEightFixture() {}

    static List<PollObservation> polls() {
        List<PollObservation> polls = new ArrayList<>();
        try (FiveThirtyEightPollReader r =
                FiveThirtyEightPollReader.approval(open("covid_approval_polls_biden_all.csv"))) {
            r.forEachRemaining(row -> {
                if (row instanceof RowError e) throw new IllegalStateException(e.toString());
                polls.add(FiveThirtyEightObservations.toObservation((PollRow) row));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return polls;
    }

    static List<Topline> toplines() {
        try (FiveThirtyEightToplineReader r =
                new FiveThirtyEightToplineReader(open("covid_approval_toplines_biden_all.csv"), CHOICES)) {
            return r.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mae mae(TrendEngine engine, List<PollObservation> polls, List<Topline> toplines, TrendOptions options) {
        LocalDate first = toplines.stream()
                .map(Topline::modelDate)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = toplines.stream()
                .map(Topline::modelDate)
                .max(LocalDate::compareTo)
                .orElseThrow();
        TrendResult result = engine.compute(
                polls,
                options.toBuilder()
                        .mode(TrendMode.REALTIME)
                        .from(first)
                        .to(last)
                        .build());
        Map<String, Double> ours = new HashMap<>();
        for (TrendPoint p : result.points()) ours.put(p.choice() + p.date(), p.estimate());
        double[] err = new double[2];
        int days = 0, missing = 0;
        for (Topline t : toplines) {
            Double a = ours.get("approve" + t.modelDate()), d = ours.get("disapprove" + t.modelDate());
            if (a == null || d == null) {
                missing++;
                continue;
            }
            err[0] += Math.abs(a - t.estimates().get("approve"));
            err[1] += Math.abs(d - t.estimates().get("disapprove"));
            days++;
        }
        return new Mae(err[0] / days, err[1] / days, days, missing, first, last);
    }

    private static Reader open(String name) {
        var in = FiveThirtyEightFixture.class.getResourceAsStream(DIR + name);
        if (in == null) throw new IllegalStateException("missing test resource " + DIR + name);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
