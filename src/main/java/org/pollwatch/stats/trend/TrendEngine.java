package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pollwatch.stats.NormalDistribution;
import org.pollwatch.stats.StudentT;

/**
 * Poll averaging. Stateless and thread-safe; plain JDK.
 *
 * <p>Per choice: (1) trend of the raw polls; (2) each poll's residual against it, turned into
 * shrunk per-pollster house effects ({@link HouseEffectEstimator}); (3) if adjusting, trend of the
 * polls minus their house effects, and back to (2) for {@code houseEffectIterations} rounds
 * (backfitting). In REALTIME mode a poll's residual is taken against the average of the day it
 * became available, and the house effects used on day t come only from polls available by t, so
 * no estimate ever uses information from its future.
 */
public final class TrendEngine {

    /** Computes the trend of every choice found in the polls' shares. */
    public TrendResult compute(Collection<PollObservation> polls, TrendOptions options) {
        return compute(polls, options, null).result();
    }

    /**
     * As {@link #compute(Collection, TrendOptions)}, resuming {@code before} (a computation with the same
     * options, or null) where it can: realtime, a day's value depends only on the polls available by that
     * day, so the days before the first one the changed polls touch are taken as they were and the day
     * sweep restarts there. The result is the same as a whole computation's, to the last bit.
     */
    public TrendComputation compute(Collection<PollObservation> polls, TrendOptions options, TrendComputation before) {
        PreparedPolls prepared = PreparedPolls.prepare(polls, options);
        boolean resumable = TrendComputation.resumable(options);
        Map<String, TrendComputation.ChoiceRun> earlier =
                before != null && before.canResume(options, prepared.pollsterNames) ? before.runs() : Map.of();
        boolean realtime = options.mode() == TrendMode.REALTIME;
        double z = NormalDistribution.twoSidedQuantile(options.confidenceLevel());
        // The t quantile was cross-validated with the weighted average's band scale; the other methods'
        // bands are their models' own standard errors, unscaled, and keep the normal quantile.
        double bandZ = options.bandTailDf() > 0 && options.method() == TrendMethod.WEIGHTED_AVERAGE
                ? StudentT.twoSidedQuantile(options.confidenceLevel(), options.bandTailDf())
                : z;
        Smoother smoother = switch (options.method()) {
            case WEIGHTED_AVERAGE -> new WeightedAverageSmoother(options);
            case LOESS -> new LoessSmoother(options);
            case KALMAN -> new KalmanSmoother(options);
        };
        // Choices are independent: on a series of several, a cold request uses more than one core.
        List<ChoiceTrend> perChoice = prepared.choices.parallelStream()
                .map(choice -> choiceTrend(
                        prepared, choice, options, smoother, realtime, z, bandZ, resumable, earlier.get(choice)))
                .toList();
        List<TrendPoint> points = new ArrayList<>();
        List<HouseEffect> houseEffects = new ArrayList<>();
        boolean[] contributing = new boolean[prepared.polls.size()];
        Map<String, TrendComputation.ChoiceRun> runs = new HashMap<>();
        int resumed = 0;
        for (ChoiceTrend c : perChoice) {
            points.addAll(c.points());
            houseEffects.addAll(c.houseEffects());
            for (int i : c.contributing()) contributing[i] = true;
            if (c.run() != null) runs.put(c.run().series().choice(), c.run());
            if (c.resumed()) resumed++;
        }
        houseEffects.sort((a, b) -> a.choice().equals(b.choice())
                ? a.pollster().compareToIgnoreCase(b.pollster())
                : a.choice().compareTo(b.choice()));
        return new TrendComputation(
                new TrendResult(points, ids(prepared, contributing), houseEffects),
                options,
                prepared.pollsterNames,
                runs,
                resumed);
    }

    /**
     * The ids of the polls marked, sorted, each once (the versions of one poll, realtime, share its id).
     */
    private static List<String> ids(PreparedPolls prepared, boolean[] marked) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) ids.addAll(prepared.polls.get(i).ids());
        }
        ids.sort(null);
        List<String> distinct = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(id)) distinct.add(id);
        }
        return distinct;
    }

    /**
     * One choice's points, house effects and contributing polls (positions in {@link PreparedPolls#polls});
     * the run to resume from later, and whether this one resumed an earlier run.
     */
    private record ChoiceTrend(
            List<TrendPoint> points,
            List<HouseEffect> houseEffects,
            int[] contributing,
            TrendComputation.ChoiceRun run,
            boolean resumed) {
        static final ChoiceTrend NONE = new ChoiceTrend(List.of(), List.of(), new int[0], null, false);
    }

    private static ChoiceTrend choiceTrend(
            PreparedPolls prepared,
            String choice,
            TrendOptions options,
            Smoother smoother,
            boolean realtime,
            double z,
            double bandZ,
            boolean resumable,
            TrendComputation.ChoiceRun before) {
        PreparedPolls.Series s = prepared.series(choice, options);
        if (s.size() == 0) return ChoiceTrend.NONE;
        int[] keyDays = realtime ? s.avail() : s.date();
        int dataFirst = Integer.MAX_VALUE, dataLast = Integer.MIN_VALUE;
        for (int d : keyDays) {
            dataFirst = Math.min(dataFirst, d);
            dataLast = Math.max(dataLast, d);
        }
        int to = options.to() != null ? (int) options.to().toEpochDay() : dataLast;
        int from = options.from() != null ? (int) options.from().toEpochDay() : dataFirst;
        // Realtime needs nothing after 'to'; hindsight needs every poll for residuals.
        int lastDay = realtime ? to : Math.max(to, dataLast);
        if (lastDay < dataFirst) return ChoiceTrend.NONE;
        boolean[] used = new boolean[s.size()];
        Smoother.Days days = new Smoother.Days(dataFirst, lastDay, realtime, Math.max(from, dataFirst), used);
        int resumeDay = before == null ? dataFirst : before.firstChangedDay(s, dataFirst);
        Result r = fit(s, smoother, options, days, resumeDay > dataFirst ? before : null, resumeDay);
        double[] prediction = predictionHalfWidth(
                s,
                r.daily,
                realtime,
                z,
                options.confidenceLevel(),
                options.predictionAdaptation(),
                options.windowDays());
        List<TrendPoint> points = new ArrayList<>();
        for (int t = Math.max(from, dataFirst); t <= to; t++) {
            double est = r.daily.at(t);
            if (Double.isNaN(est)) continue;
            int k = t - r.daily.firstDay();
            double half = bandZ * r.daily.standardError()[k];
            double next = prediction[k];
            points.add(new TrendPoint(
                    LocalDate.ofEpochDay(t),
                    choice,
                    est,
                    clamp(est - half),
                    clamp(est + half),
                    r.daily.effectivePolls()[k],
                    clamp(est - next),
                    clamp(est + next)));
        }
        int[] contributing = new int[s.size()];
        int contributors = 0;
        for (int i = 0; i < s.size(); i++) {
            if (used[i] && (!realtime || s.avail()[i] <= to)) contributing[contributors++] = s.index()[i];
        }
        List<HouseEffect> houseEffects = new ArrayList<>();
        HouseEffectEstimator.Estimate h = r.house;
        for (int p = 0; p < s.pollsterCount(); p++) {
            if (h.count()[p] > 0) {
                houseEffects.add(new HouseEffect(
                        prepared.pollsterNames.get(p), choice, h.effect()[p], h.standardError()[p], h.count()[p]));
            }
        }
        TrendComputation.ChoiceRun run =
                resumable ? new TrendComputation.ChoiceRun(s, dataFirst, lastDay, r.dailies, r.timelines) : null;
        return new ChoiceTrend(
                points, houseEffects, java.util.Arrays.copyOf(contributing, contributors), run, r.resumed);
    }

    /**
     * The last round's estimates and house effects; every round's estimates and house-effect timelines,
     * for a later computation to resume from; whether this one resumed an earlier one.
     */
    private record Result(
            Smoother.Daily daily,
            HouseEffectEstimator.Estimate house,
            Smoother.Daily[] dailies,
            HouseTimeline[] timelines,
            boolean resumed) {}

    /**
     * Backfitting rounds. With {@code before}, days before {@code resumeDay} are taken from it (their polls
     * are the same, so is everything computed from them) and each round's sweep restarts on that day.
     */
    private static Result fit(
            PreparedPolls.Series s,
            Smoother smoother,
            TrendOptions o,
            Smoother.Days days,
            TrendComputation.ChoiceRun before,
            int resumeDay) {
        int firstDay = days.first(), lastDay = days.last();
        boolean realtime = days.realtime();
        int rounds = o.adjustHouseEffects() ? o.houseEffectIterations() : 1;
        int from = before == null ? firstDay : resumeDay;
        Smoother.Daily[] dailies = new Smoother.Daily[rounds + 1];
        HouseTimeline[] timelines = new HouseTimeline[rounds];
        dailies[0] = smoother.run(
                s, Smoother.HouseAdjustment.NONE, days.withoutUse(), before == null ? null : before.dailies()[0], from);
        HouseEffectEstimator.Estimate finalHouse = null;
        for (int round = 0; round < rounds; round++) {
            HouseTimeline h = houseEffects(
                    s,
                    dailies[round],
                    o,
                    firstDay,
                    lastDay,
                    realtime,
                    before == null ? null : before.timelines()[round],
                    from);
            timelines[round] = h;
            finalHouse = h.last;
            // Without adjustment the estimate stays the plain average; the timeline still supplies
            // the band's non-sampling error and the spread of house effects the polls carry.
            dailies[round + 1] = smoother.run(
                    s,
                    h,
                    round == rounds - 1 ? days : days.withoutUse(),
                    before == null ? null : before.dailies()[round + 1],
                    from);
        }
        if (before != null) markUsedBefore(s, days, o.windowDays(), from);
        return new Result(dailies[rounds], finalHouse, dailies, timelines, before != null);
    }

    /**
     * Marks the polls in the window of a day in [{@code usedFrom}, {@code resumeDay}), which a resumed
     * sweep does not visit: poll i is in the window of day t when it is available and valid on t and at
     * most {@code window} days old ({@link WindowCursor}, realtime).
     */
    private static void markUsedBefore(PreparedPolls.Series s, Smoother.Days days, int window, int resumeDay) {
        boolean[] used = days.used();
        if (used == null) return;
        int start = Math.max(days.usedFrom(), days.first());
        int end = Math.min(resumeDay - 1, days.last());
        for (int i = 0; i < s.size(); i++) {
            int first = Math.max(start, Math.max(s.avail()[i], s.date()[i]));
            int last = Math.min(end, Math.min(s.date()[i] + window, s.until()[i] - 1));
            if (first <= last) used[i] = true;
        }
    }

    /**
     * Half-width of the range in which a new poll is expected to fall, per day. Its scale is √V, V the
     * running mean of the squared differences between each poll and the estimate of the day before it
     * became available (realtime; hindsight: of its field day), over the polls known on the day, started
     * from a prior of the polls' typical variance plus 2 points of house effect. Realtime, the multiplier
     * of √V is not the normal z but an online split-conformal quantile (Vovk, Gammerman &amp; Shafer,
     * <i>Algorithmic Learning in a Random World</i>, 2005; Lei et al., JASA 113:1094-1111, 2018): each
     * poll's score is |poll − estimate of the day before| / √V as known the day before, and the multiplier
     * on day t is the ⌈(m+1)·level⌉-th smallest of the m scores known by t, which covers a new exchangeable
     * poll with probability at least the level whatever the shape of the errors (heavy tails included).
     * With fewer scores than that rank needs, z stands in.
     */
    static double[] predictionHalfWidth(
            PreparedPolls.Series s,
            Smoother.Daily daily,
            boolean realtime,
            double z,
            double level,
            double gamma,
            int memory) {
        int days = daily.estimate().length;
        double[] out = new double[days];
        int n = s.size();
        double sum = 0;
        int count = 0;
        int next = 0;
        double prior = n == 0 ? 5 : s.typicalVar()[0] + HOUSE_PRIOR_VARIANCE;
        if (!realtime) {
            for (int i = 0; i < n; i++) {
                double fit = daily.at(s.date()[i]);
                if (Double.isNaN(fit)) continue;
                sum += (s.y()[i] - fit) * (s.y()[i] - fit);
                count++;
            }
            java.util.Arrays.fill(out, z * Math.sqrt((sum + PRIOR_POLLS * prior) / (count + PRIOR_POLLS)));
            return out;
        }
        ConformalQuantile scores = new ConformalQuantile(n);
        double[] sq = new double[n];
        int[] sqDay = new int[n];
        int oldest = 0;
        double miss = 1 - level; // the adaptive miscoverage target, moved after each poll
        for (int k = 0; k < days; k++) {
            int t = daily.firstDay() + k;
            while (next < n && s.avail()[next] <= t) {
                int i = next++;
                double before = daily.at(s.avail()[i] - 1);
                if (!Double.isNaN(before)) {
                    double scale = Math.sqrt((sum + PRIOR_POLLS * prior) / (count - oldest + PRIOR_POLLS));
                    double e = s.y()[i] - before;
                    // ACI: was this poll outside the range published the day before it arrived?
                    if (k > 0) miss += gamma * ((1 - level) - (Math.abs(e) > out[k - 1] ? 1 : 0));
                    scores.add(Math.abs(e) / scale);
                    sq[count] = e * e;
                    sqDay[count] = t;
                    sum += e * e;
                    count++;
                }
                prior = s.typicalVar()[i] + HOUSE_PRIOR_VARIANCE;
            }
            while (oldest < count && sqDay[oldest] <= t - memory) sum -= sq[oldest++];
            int m = scores.size();
            double multiplier = Double.isNaN(scores.quantile(level))
                    ? z // too few scores for the rank the level needs
                    : scores.quantile(Math.max(0, Math.min(1 - miss, (double) m / (m + 1))));
            out[k] = multiplier * Math.sqrt((sum + PRIOR_POLLS * prior) / (count - oldest + PRIOR_POLLS));
        }
        return out;
    }

    /** Prior for a new poll's spread: how many polls' worth, and the house-effect variance it assumes. */
    private static final double PRIOR_POLLS = 3;

    private static final double HOUSE_PRIOR_VARIANCE = 4;

    /**
     * House effects from residuals against {@code daily}. Realtime: one estimate per day from the
     * polls available by then (rows are shared between days on which nothing new arrived).
     */
    private static HouseTimeline houseEffects(
            PreparedPolls.Series s,
            Smoother.Daily daily,
            TrendOptions o,
            int firstDay,
            int lastDay,
            boolean realtime,
            HouseTimeline before,
            int resumeDay) {
        HouseEffectEstimator.Accumulator acc = new HouseEffectEstimator.Accumulator(s.pollsterCount());
        int n = s.size();
        if (!realtime) {
            double fallback = n == 0 ? 1 : s.typicalVar()[0];
            for (int i = 0; i < n; i++) {
                double fit = daily.at(s.date()[i]);
                if (!Double.isNaN(fit)) acc.add(s.pollster()[i], s.y()[i] - fit);
            }
            HouseEffectEstimator.Estimate e =
                    HouseEffectEstimator.estimate(acc, o.houseEffectPriorPolls(), o.houseEffectReference(), fallback);
            double meanSampling = 0;
            for (int i = 0; i < n; i++) meanSampling += s.sampling()[i] / n;
            return new HouseTimeline(
                    firstDay, null, e, null, new double[] {noise(e.within(), meanSampling)}, o.adjustHouseEffects());
        }
        // Versions leave on their 'until' day (revised or retracted): their residuals leave with them.
        Integer[] leaving = expiring(s);
        double[] residual = new double[n];
        boolean[] added = new boolean[n];
        double[][] byDay = new double[lastDay - firstDay + 1][];
        HouseEffectEstimator.Estimate[] estimateByDay = new HouseEffectEstimator.Estimate[byDay.length];
        double[] noiseByDay = new double[byDay.length];
        double[] current = new double[s.pollsterCount()];
        double fallback = 1;
        // Non-sampling variance from recent residuals only (noiseMemoryDays); with 0, from all of them,
        // which are the house effects' own residuals: no second accumulator then.
        int memory = o.noiseMemoryDays();
        HouseEffectEstimator.Accumulator recent =
                memory == 0 ? null : new HouseEffectEstimator.Accumulator(s.pollsterCount());
        boolean[] inRecent = new boolean[n];
        double samplingSum = 0;
        int samplingCount = 0;
        HouseEffectEstimator.Estimate last =
                HouseEffectEstimator.estimate(acc, o.houseEffectPriorPolls(), o.houseEffectReference(), fallback);
        int next = 0, gone = 0, aged = 0;
        double noise = Double.NaN;
        for (int t = firstDay; t <= lastDay; t++) {
            // Resuming, the days before resumeDay replay only the sums (the same adds and removes in the
            // same order, so the same bits); their estimates are the earlier timeline's.
            boolean replay = before != null && t < resumeDay;
            boolean changed = false;
            while (gone < leaving.length && s.until()[leaving[gone]] <= t) {
                int i = leaving[gone++];
                if (added[i]) {
                    acc.remove(s.pollster()[i], residual[i]);
                    changed = true;
                }
                if (inRecent[i]) {
                    inRecent[i] = false;
                    if (recent != null) recent.remove(s.pollster()[i], residual[i]);
                    samplingSum -= s.sampling()[i];
                    samplingCount--;
                }
            }
            while (recent != null && aged < next && s.avail()[aged] <= t - memory) {
                int i = aged++;
                if (inRecent[i]) {
                    inRecent[i] = false;
                    recent.remove(s.pollster()[i], residual[i]);
                    samplingSum -= s.sampling()[i];
                    samplingCount--;
                    changed = true;
                }
            }
            while (next < n && s.avail()[next] <= t) {
                int i = next++;
                fallback = s.typicalVar()[i];
                double fit = daily.at(t);
                if (!Double.isNaN(fit) && s.until()[i] > t) {
                    residual[i] = s.y()[i] - fit;
                    added[i] = true;
                    inRecent[i] = true;
                    acc.add(s.pollster()[i], residual[i]);
                    if (recent != null) recent.add(s.pollster()[i], residual[i]);
                    samplingSum += s.sampling()[i];
                    samplingCount++;
                    changed = true;
                }
            }
            if (replay) {
                int k = t - firstDay;
                current = before.byDay[k];
                last = before.estimateByDay[k];
                noise = before.noiseByDay[k];
            } else if (changed) {
                last = HouseEffectEstimator.estimate(
                        acc, o.houseEffectPriorPolls(), o.houseEffectReference(), fallback);
                current = last.effect();
                noise = samplingCount == 0
                        ? Double.NaN
                        : noise(
                                recent == null ? last.within() : HouseEffectEstimator.pooledWithin(recent, fallback),
                                samplingSum / samplingCount);
            }
            byDay[t - firstDay] = current;
            estimateByDay[t - firstDay] = last;
            noiseByDay[t - firstDay] = noise;
        }
        return new HouseTimeline(firstDay, byDay, last, estimateByDay, noiseByDay, o.adjustHouseEffects());
    }

    /** Indexes of the versions that stop being valid, by the day they do. */
    private static Integer[] expiring(PreparedPolls.Series s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) if (s.until()[i] != Integer.MAX_VALUE) out.add(i);
        out.sort((a, b) -> Integer.compare(s.until()[a], s.until()[b]));
        return out.toArray(new Integer[0]);
    }

    /**
     * Non-sampling variance of one poll: the pooled within-pollster residual variance (the spread of each
     * pollster's polls around its own house effect) less the polls' mean sampling variance.
     */
    private static double noise(double within, double meanSampling) {
        return Math.max(0, within - meanSampling);
    }

    /**
     * House effects by day (realtime) or constant (hindsight: {@code byDay} null), with what the band needs
     * of them. Without adjustment no effect is subtracted and a poll carries the pollsters' spread instead.
     */
    record HouseTimeline(
            int firstDay,
            double[][] byDay,
            HouseEffectEstimator.Estimate last,
            HouseEffectEstimator.Estimate[] estimateByDay,
            double[] noiseByDay,
            boolean adjust)
            implements Smoother.HouseAdjustment {
        @Override
        public double[] effectsOn(int day) {
            if (!adjust) return null;
            if (byDay == null) return last.effect();
            int k = day - firstDay;
            return k < 0 ? null : byDay[Math.min(k, byDay.length - 1)];
        }

        @Override
        public double effectVariance(int pollster, int day) {
            HouseEffectEstimator.Estimate e = estimateOn(day);
            if (e == null) return 0;
            if (!adjust) return e.spread();
            double se = e.standardError()[pollster];
            return Double.isNaN(se) ? e.spread() : se * se;
        }

        @Override
        public double nonSamplingVariance(int day) {
            if (byDay == null) return noiseByDay[0];
            int k = day - firstDay;
            return k < 0 ? Double.NaN : noiseByDay[Math.min(k, noiseByDay.length - 1)];
        }

        /** How many different estimates the days hold (a day on which nothing arrived shares the last). */
        int distinctEstimates() {
            if (estimateByDay == null) return 1;
            int distinct = 0;
            HouseEffectEstimator.Estimate previous = null;
            for (HouseEffectEstimator.Estimate e : estimateByDay) {
                if (e != previous) distinct++;
                previous = e;
            }
            return distinct;
        }

        private HouseEffectEstimator.Estimate estimateOn(int day) {
            if (byDay == null) return last;
            int k = day - firstDay;
            return k < 0 ? null : estimateByDay[Math.min(k, estimateByDay.length - 1)];
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
