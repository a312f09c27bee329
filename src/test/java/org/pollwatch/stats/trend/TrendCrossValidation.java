package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pollwatch.imports.fivethirtyeight.Topline;

/**
 * Rolling-origin cross-validation of the trend defaults over the three FiveThirtyEight series (data by
 * FiveThirtyEight, CC BY 4.0). Each series is cut at 20 %, 40 %, 60 % and 80 % of its days; each split
 * scores the days after the cut-off (in blocks of the next 20 %) of a realtime average, which by
 * construction uses only polls available by each day, so a split "trains" on data before the day it
 * scores. A candidate's loss is its MAE plus twice, for each answer, how far its 95 % band coverage lies
 * outside 88-98 %, its 50 % band coverage outside 40-60 % and its prediction coverage outside 93-97 % (the
 * targets are ranges), averaged over every split of every series: no single period or series decides.
 * Only candidates whose band is steady compete ({@link Result#steady}). {@link #main} prints the ranking.
 */
final class TrendCrossValidation {

    record Candidate(
            double halfLife,
            int window,
            double floodExponent,
            double nonSamplingSd,
            double prior,
            double drift,
            double bandScale,
            double adaptation,
            int noiseMemory,
            int lagSpan,
            double tailDf) {
        TrendOptions apply(TrendOptions base) {
            return base.toBuilder()
                    .halfLifeDays(halfLife)
                    .windowDays(window)
                    .pollsterFloodExponent(floodExponent)
                    .nonSamplingSd(nonSamplingSd)
                    .houseEffectPriorPolls(prior)
                    .driftSdPerDay(drift)
                    .bandScale(bandScale)
                    .predictionAdaptation(adaptation)
                    .noiseMemoryDays(noiseMemory)
                    .lagSpanDays(lagSpan)
                    .bandTailDf(tailDf)
                    .build();
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "half-life %.0f d, window %d d, flooding exponent %.2f, non-sampling sd %.1f, house prior %.0f, drift %.2f/day, band scale %.1f, ACI γ %.2f, noise memory %d d, lag span %d d, t df %.0f",
                    halfLife,
                    window,
                    floodExponent,
                    nonSamplingSd,
                    prior,
                    drift,
                    bandScale,
                    adaptation,
                    noiseMemory,
                    lagSpan,
                    tailDf);
        }
    }

    /**
     * Mean loss over the splits, with its standard error (sd of the split losses / √splits), and each
     * split's loss (in the same order for every candidate, for paired comparisons); the largest share by
     * which its 95 % band narrowed overnight on a day without a new poll ({@link #largestQuietNarrowing}).
     */
    record Result(
            Candidate candidate,
            double loss,
            double standardError,
            double mae,
            double cover95,
            double cover50,
            double predictive95,
            double[] splitLosses,
            double quietNarrowing) {
        /** A band may not narrow by more than a quarter overnight when no poll arrived: readers see it jump. */
        boolean steady() {
            return quietNarrowing <= STEADY_NARROWING;
        }
    }

    static final double STEADY_NARROWING = 0.25;

    /** Mean of the split-by-split differences {@code a − b} and its standard error. */
    record Difference(double mean, double standardError) {}

    /**
     * Paired comparison over the same splits: the splits differ far more from one another (which period,
     * which series) than two candidates differ on one split, so the standard error of the paired
     * differences, not of each candidate's mean, tells whether one candidate really does better.
     */
    static Difference paired(double[] a, double[] b) {
        int n = a.length;
        double sum = 0, squares = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i];
            sum += d;
            squares += d * d;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1)));
        return new Difference(mean, sd / Math.sqrt(n));
    }

    static final double[] CUTS = {0.2, 0.4, 0.6, 0.8};

    static Result evaluate(Candidate c, List<TrendCalibration.Data> series) {
        double loss = 0, lossSquares = 0, mae = 0, cover = 0, cover50 = 0, pred = 0;
        int splits = 0;
        List<Double> splitLosses = new ArrayList<>();
        double quietNarrowing = 0;
        for (TrendCalibration.Data d : series) {
            List<LocalDate> days = scoredDays(d);
            // realtime, every split's days are those of one run up to the last of them
            TrendCalibration.Run run =
                    TrendCalibration.run(d, c.apply(TrendCalibration.defaultsFor(d)), days.get(days.size() - 1));
            quietNarrowing = Math.max(quietNarrowing, largestQuietNarrowing(d.polls(), run.at95(), d.choices(), days));
            for (double cut : CUTS) {
                LocalDate from = days.get((int) (cut * (days.size() - 1)));
                LocalDate to = days.get((int) (Math.min(1.0, cut + 0.2) * (days.size() - 1)));
                List<TrendCalibration.Score> s = TrendCalibration.score(d, run, from, to);
                double m = s.stream()
                        .mapToDouble(x -> x.mae())
                        .filter(Double::isFinite)
                        .average()
                        .orElse(Double.NaN);
                double cv = s.stream()
                        .mapToDouble(x -> x.cover95())
                        .filter(Double::isFinite)
                        .average()
                        .orElse(Double.NaN);
                double c50 = s.stream()
                        .mapToDouble(x -> x.cover50())
                        .filter(Double::isFinite)
                        .average()
                        .orElse(Double.NaN);
                double pv = s.stream()
                        .mapToDouble(x -> x.predictive95())
                        .filter(Double::isFinite)
                        .average()
                        .orElse(0.95);
                if (Double.isNaN(m)) continue; // defensive: no estimate on this block's days
                // The coverage targets hold for every answer: each answer's miss counts, not that of their mean.
                double miss = s.stream()
                        .filter(x -> Double.isFinite(x.cover95()))
                        .mapToDouble(x -> outside(x.cover95(), 0.88, 0.98)
                                + outside(x.cover50(), 0.40, 0.60)
                                + (Double.isFinite(x.predictive95()) ? outside(x.predictive95(), 0.93, 0.97) : 0))
                        .average()
                        .orElse(0);
                loss += m + 2 * miss;
                lossSquares += (m + 2 * miss) * (m + 2 * miss);
                splitLosses.add(m + 2 * miss);
                mae += m;
                cover += cv;
                cover50 += c50;
                pred += pv;
                splits++;
            }
        }
        double mean = loss / splits;
        double sd = Math.sqrt(Math.max(0, (lossSquares - splits * mean * mean) / (splits - 1)));
        return new Result(
                c,
                mean,
                sd / Math.sqrt(splits),
                mae / splits,
                cover / splits,
                cover50 / splits,
                pred / splits,
                splitLosses.stream().mapToDouble(Double::doubleValue).toArray(),
                quietNarrowing);
    }

    /**
     * The largest share by which a realtime 95 % band ({@code at95}: points by choice and date, as
     * {@link TrendCalibration#index}) narrowed from one day to the next, over {@code days} on which none of
     * the polls arrived and the given choices: new information may narrow a band, the calendar alone may
     * not by much.
     */
    static double largestQuietNarrowing(
            List<PollObservation> polls, Map<String, TrendPoint> at95, List<String> choices, List<LocalDate> days) {
        Set<LocalDate> arrivals = new HashSet<>();
        for (PollObservation p : polls) arrivals.add(p.availableFrom());
        double largest = 0;
        for (String choice : choices) {
            for (LocalDate day : days) {
                TrendPoint today = at95.get(choice + day);
                TrendPoint before = at95.get(choice + day.minusDays(1));
                if (today == null || before == null || arrivals.contains(day)) continue;
                double was = halfWidth(before);
                if (was > 0) largest = Math.max(largest, 1 - halfWidth(today) / was);
            }
        }
        return largest;
    }

    private static double halfWidth(TrendPoint p) {
        return (p.upper() - p.lower()) / 2;
    }

    /**
     * FiveThirtyEight's days up to the last day a poll arrived. Its concern averages go on for a year after
     * the last poll in the files; cut over those days, the later splits would score days without polls.
     */
    static List<LocalDate> scoredDays(TrendCalibration.Data d) {
        LocalDate lastPoll = d.polls().stream()
                .map(PollObservation::availableFrom)
                .max(LocalDate::compareTo)
                .orElseThrow();
        return d.toplines().stream()
                .map(Topline::modelDate)
                .filter(day -> !day.isAfter(lastPoll))
                .sorted()
                .distinct()
                .toList();
    }

    /** How far a coverage lies outside its target range (0 inside): the targets are ranges, not points. */
    static double outside(double coverage, double low, double high) {
        return Math.max(0, low - coverage) + Math.max(0, coverage - high);
    }

    /**
     * Stage 1: the average itself and its prediction range, with the band's options (scale, drift and the
     * optional terms, stage 2's) at their defaults.
     */
    static List<Candidate> pointGrid() {
        TrendOptions d = TrendOptions.defaults();
        List<Candidate> out = new ArrayList<>();
        for (double h : new double[] {7, 14})
            for (int w : new int[] {30, 45})
                for (double flood : new double[] {0.5, 0.75, 1})
                    for (double ns : new double[] {1, 2, 2.5, 3})
                        for (double prior : new double[] {10, 15, 20})
                            for (double gamma : new double[] {0, 0.01, 0.02})
                                out.add(new Candidate(
                                        h,
                                        w,
                                        flood,
                                        ns,
                                        prior,
                                        d.driftSdPerDay(),
                                        d.bandScale(),
                                        gamma,
                                        d.noiseMemoryDays(),
                                        d.lagSpanDays(),
                                        d.bandTailDf()));
        return out;
    }

    /**
     * Stage 2: the band's own options (none of them moves the average or the prediction range), with the
     * average's options at their defaults.
     */
    static List<Candidate> bandGrid() {
        TrendOptions d = TrendOptions.defaults();
        List<Candidate> out = new ArrayList<>();
        for (int memory : new int[] {0, 365, 180, 90})
            for (int lag : new int[] {0, 7, 14, 28})
                for (double df : new double[] {0, 5, 3})
                    for (double scale : new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2})
                        for (double drift : new double[] {0, 0.05})
                            out.add(new Candidate(
                                    d.halfLifeDays(),
                                    d.windowDays(),
                                    d.pollsterFloodExponent(),
                                    d.nonSamplingSd(),
                                    d.houseEffectPriorPolls(),
                                    drift,
                                    scale,
                                    d.predictionAdaptation(),
                                    memory,
                                    lag,
                                    df));
        return out;
    }

    /** How many of the band's optional terms a candidate switches on. */
    static int bandTerms(Candidate c) {
        return (c.noiseMemory() > 0 ? 1 : 0) + (c.lagSpan() > 0 ? 1 : 0) + (c.tailDf() > 0 ? 1 : 0);
    }

    /**
     * Which candidate becomes the defaults. By the one-standard-error rule (Hastie, Tibshirani &amp;
     * Friedman, <i>The Elements of Statistical Learning</i>, 2nd ed., §7.10), of the candidates within one
     * paired standard error ({@link #paired}) of the best, the simplest by {@code simpler} (then the lowest
     * loss). It replaces the current defaults only if it beats them by more than two paired standard
     * errors: a candidate picked out of hundreds beats any fixed one by about one by chance alone (the
     * winner's curse). Only steady candidates ({@link Result#steady}) count: defaults that are not are
     * replaced whatever their loss.
     */
    static Result choice(List<Result> ranked, Result current, Comparator<Candidate> simpler) {
        List<Result> steady = ranked.stream().filter(Result::steady).toList();
        Result best = steady.get(0);
        Result pick = steady.stream()
                .filter(r -> {
                    Difference d = paired(r.splitLosses(), best.splitLosses());
                    return d.mean() <= d.standardError();
                })
                .min(Comparator.comparing(Result::candidate, simpler).thenComparingDouble(Result::loss))
                .orElse(best);
        if (!current.steady()) return pick;
        Difference gain = paired(pick.splitLosses(), current.splitLosses());
        return gain.mean() + 2 * gain.standardError() < 0 ? pick : current;
    }

    /** The current defaults as a candidate. */
    static Candidate defaults() {
        TrendOptions d = TrendOptions.defaults();
        return new Candidate(
                d.halfLifeDays(),
                d.windowDays(),
                d.pollsterFloodExponent(),
                d.nonSamplingSd(),
                d.houseEffectPriorPolls(),
                d.driftSdPerDay(),
                d.bandScale(),
                d.predictionAdaptation(),
                d.noiseMemoryDays(),
                d.lagSpanDays(),
                d.bandTailDf());
    }

    /** {@code main point} ranks stage 1, {@code main} (or {@code main band}) stage 2. */
    public static void main(String[] args) {
        List<TrendCalibration.Data> series = TrendCalibration.all();
        List<Result> results = new ArrayList<>();
        boolean point = args.length > 0 && args[0].equals("point");
        for (Candidate c : point ? pointGrid() : bandGrid()) results.add(evaluate(c, series));
        results.sort(Comparator.comparingDouble(Result::loss));
        System.out.println(
                "| rank | candidate | CV loss (SE) | MAE | 95 % band coverage | 50 % band coverage | prediction coverage | largest quiet narrowing |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 10, results.size()); i++) {
            Result r = results.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %.4f (%.4f) | %.3f | %.1f %% | %.1f %% | %.1f %% | %.0f %% |%n",
                    i + 1,
                    r.candidate(),
                    r.loss(),
                    r.standardError(),
                    r.mae(),
                    100 * r.cover95(),
                    100 * r.cover50(),
                    100 * r.predictive95(),
                    100 * r.quietNarrowing());
        }
        Candidate current = defaults();
        Result now = evaluate(current, series);
        System.out.printf(
                Locale.ROOT,
                "current defaults (%s): loss %.4f, MAE %.3f, band %.1f %%, 50 %% band %.1f %%, prediction %.1f %%, largest quiet narrowing %.0f %%%n",
                current,
                now.loss(),
                now.mae(),
                100 * now.cover95(),
                100 * now.cover50(),
                100 * now.predictive95(),
                100 * now.quietNarrowing());
        Difference first = paired(results.get(0).splitLosses(), now.splitLosses());
        System.out.printf(
                Locale.ROOT,
                "rank 1 against the current defaults, split by split: %+.4f (paired SE %.4f)%n",
                first.mean(),
                first.standardError());
        // Stage 1 has no simpler and more complex averages; stage 2's bands differ in their optional terms.
        Comparator<Candidate> simpler = point ? (a, b) -> 0 : Comparator.comparingInt(TrendCrossValidation::bandTerms);
        Result chosen = choice(results, now, simpler);
        int rank = 0;
        while (rank < results.size() && !results.get(rank).candidate().equals(chosen.candidate())) rank++;
        Difference gain = paired(chosen.splitLosses(), now.splitLosses());
        System.out.printf(
                Locale.ROOT,
                "choice%s: %s, loss %.4f, %s, against the current defaults %+.4f (paired SE %.4f)%n",
                chosen == now ? " (the current defaults)" : "",
                chosen.candidate(),
                chosen.loss(),
                rank < results.size() ? "rank " + (rank + 1) : "not in this grid",
                gain.mean(),
                gain.standardError());
    }
}
