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
import java.util.Locale;
import java.util.Map;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightObservations;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightPollReader;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightToplineReader;
import org.pollwatch.imports.fivethirtyeight.PollRow;
import org.pollwatch.imports.fivethirtyeight.RowError;
import org.pollwatch.imports.fivethirtyeight.Topline;

/**
 * Accuracy and calibration of the realtime average against FiveThirtyEight's published averages, on the
 * three series of {@code src/test/resources/fivethirtyeight-covid/} (data by FiveThirtyEight, CC BY 4.0):
 * MAE per answer, share of days the 95 % and 50 % bands cover FiveThirtyEight's average, and share of
 * polls inside the 95 % prediction range of the day before they became available. {@link #main} prints
 * the table; {@link TrendCalibrationTest} and the cross-validation use the same figures.
 */
final class TrendCalibration {

    static final List<String> APPROVAL = List.of("approve", "disapprove");
    static final List<String> CONCERN = List.of("very", "somewhat", "not_very", "not_at_all");

    /** One series: its polls and FiveThirtyEight's averages. */
    record Data(String name, List<String> choices, List<PollObservation> polls, List<Topline> toplines) {}

    /** Figures per answer. */
    record Score(String choice, double mae, double cover95, double cover50, double predictive95, int days, int polls) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-11s MAE %.3f  95%% band %5.1f %%  50%% band %5.1f %%  prediction 95%% %5.1f %% (%d days, %d polls)",
                    choice,
                    mae,
                    100 * cover95,
                    100 * cover50,
                    100 * predictive95,
                    days,
                    polls);
        }
    }

    static List<Data> all() {
        return List.of(
                load(
                        "biden-covid-approval",
                        APPROVAL,
                        "covid_approval_polls_biden_all.csv",
                        "covid_approval_toplines_biden_all.csv",
                        null),
                load(
                        "concern-economy",
                        CONCERN,
                        "covid_concern_polls.csv",
                        "covid_concern_toplines.csv",
                        "concern-economy"),
                load(
                        "concern-infected",
                        CONCERN,
                        "covid_concern_polls.csv",
                        "covid_concern_toplines.csv",
                        "concern-infected"));
    }

    static Data load(String name, List<String> choices, String pollFile, String toplineFile, String subject) {
        List<PollObservation> polls = new ArrayList<>();
        try (FiveThirtyEightPollReader r = new FiveThirtyEightPollReader(open(pollFile), choices)) {
            r.forEachRemaining(row -> {
                if (row instanceof PollRow p && (subject == null || subject.equals(p.subject()))) {
                    if (p.party() == null || p.party().isBlank() || p.party().equals("all")) {
                        polls.add(FiveThirtyEightObservations.toObservation(p));
                    }
                } else if (row instanceof RowError) {
                    // rows the importer rejects are left out here too
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Topline> toplines;
        try (FiveThirtyEightToplineReader r = new FiveThirtyEightToplineReader(open(toplineFile), choices)) {
            toplines = r.stream()
                    .filter(t -> subject == null || subject.equals(t.subject()))
                    .filter(t -> t.party() == null
                            || t.party().isBlank()
                            || t.party().equals("all"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Data(name, choices, polls, toplines);
    }

    /**
     * One realtime computation of a series up to a day, its points by choice and date at the 95 % and 50 %
     * levels. Realtime, a day's value depends only on the polls available by then, so one run up to the
     * last day serves every period that ends by it.
     */
    record Run(Map<String, TrendPoint> at95, Map<String, TrendPoint> at50) {}

    static Run run(Data data, TrendOptions options, LocalDate to) {
        TrendEngine engine = new TrendEngine();
        TrendOptions realtime =
                options.toBuilder().mode(TrendMode.REALTIME).from(null).to(to).build();
        return new Run(
                index(engine.compute(data.polls(), realtime)),
                index(engine.compute(
                        data.polls(), realtime.toBuilder().confidenceLevel(0.5).build())));
    }

    /** Scores the days in [from, to] (null: all of FiveThirtyEight's days) with the given options. */
    static List<Score> score(Data data, TrendOptions options, LocalDate from, LocalDate to) {
        LocalDate hi = lastScored(data, to);
        return score(data, run(data, options, hi), from, hi);
    }

    /** FiveThirtyEight's last day, or {@code to} if earlier. */
    static LocalDate lastScored(Data data, LocalDate to) {
        LocalDate last = data.toplines().stream()
                .map(Topline::modelDate)
                .max(LocalDate::compareTo)
                .orElseThrow();
        return to == null || to.isAfter(last) ? last : to;
    }

    /** Scores the days in [from, to] (null: all of FiveThirtyEight's days) of a run that reaches {@code to}. */
    static List<Score> score(Data data, Run run, LocalDate from, LocalDate to) {
        LocalDate first = data.toplines().stream()
                .map(Topline::modelDate)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate lo = from == null || from.isBefore(first) ? first : from;
        LocalDate hi = lastScored(data, to);
        Map<String, TrendPoint> at95 = run.at95();
        Map<String, TrendPoint> at50 = run.at50();
        List<Score> scores = new ArrayList<>();
        for (String c : data.choices()) {
            double err = 0;
            int days = 0, in95 = 0, in50 = 0;
            for (Topline t : data.toplines()) {
                if (t.modelDate().isBefore(lo) || t.modelDate().isAfter(hi)) continue;
                Double truth = t.estimates().get(c);
                TrendPoint p = at95.get(c + t.modelDate());
                TrendPoint q = at50.get(c + t.modelDate());
                if (truth == null || p == null || q == null) continue;
                days++;
                err += Math.abs(p.estimate() - truth);
                if (truth >= p.lower() && truth <= p.upper()) in95++;
                if (truth >= q.lower() && truth <= q.upper()) in50++;
            }
            int polls = 0, inside = 0;
            for (PollObservation poll : data.polls()) {
                Double y = poll.shares().get(c);
                LocalDate day = poll.availableFrom().minusDays(1);
                if (y == null || day.isBefore(lo) || day.isAfter(hi)) continue;
                TrendPoint p = at95.get(c + day);
                if (p == null) continue;
                polls++;
                if (y >= p.predictionLower() && y <= p.predictionUpper()) inside++;
            }
            scores.add(new Score(
                    c,
                    days == 0 ? Double.NaN : err / days,
                    days == 0 ? Double.NaN : (double) in95 / days,
                    days == 0 ? Double.NaN : (double) in50 / days,
                    polls == 0 ? Double.NaN : (double) inside / polls,
                    days,
                    polls));
        }
        return scores;
    }

    /** Points by choice and date (key: choice + date). */
    static Map<String, TrendPoint> index(TrendResult result) {
        Map<String, TrendPoint> byKey = new HashMap<>();
        for (TrendPoint p : result.points()) byKey.put(p.choice() + p.date(), p);
        return byKey;
    }

    private static Reader open(String name) {
        var in = TrendCalibration.class.getResourceAsStream("/fivethirtyeight-covid/" + name);
        if (in == null) throw new IllegalStateException("missing test resource " + name);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static TrendOptions defaultsFor(Data data) {
        return TrendOptions.defaults().toBuilder()
                .populationPreference(
                        data.name().contains("approval")
                                ? PopulationPreference.ADULTS_FIRST
                                : PopulationPreference.LIKELY_VOTERS_FIRST)
                .build();
    }

    public static void main(String[] args) {
        for (Data d : all()) {
            System.out.println(d.name() + " (" + d.polls().size() + " polls)");
            for (Score s : score(d, defaultsFor(d), null, null)) System.out.println("  " + s);
        }
    }
}
