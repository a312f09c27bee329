package org.pollwatch.stats.trend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pollwatch.stats.NormalDistribution;

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
        PreparedPolls prepared = PreparedPolls.prepare(polls, options);
        boolean realtime = options.mode() == TrendMode.REALTIME;
        double z = NormalDistribution.twoSidedQuantile(options.confidenceLevel());
        Smoother smoother = switch (options.method()) {
            case WEIGHTED_AVERAGE -> new WeightedAverageSmoother(options);
            case LOESS -> new LoessSmoother(options);
            case KALMAN -> new KalmanSmoother(options);
        };
        List<TrendPoint> points = new ArrayList<>();
        List<HouseEffect> houseEffects = new ArrayList<>();
        Set<String> contributing = new HashSet<>();
        for (String choice : prepared.choices) {
            PreparedPolls.Series s = prepared.series(choice, options);
            if (s.size() == 0) continue;
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
            if (lastDay < dataFirst) continue;
            boolean[] used = new boolean[s.size()];
            Result r = fit(s, smoother, options, dataFirst, lastDay, realtime, Math.max(from, dataFirst), used);
            for (int t = Math.max(from, dataFirst); t <= to; t++) {
                double est = r.daily.at(t);
                if (Double.isNaN(est)) continue;
                int k = t - r.daily.firstDay();
                double half = z * r.daily.standardError()[k];
                points.add(new TrendPoint(
                        LocalDate.ofEpochDay(t),
                        choice,
                        est,
                        clamp(est - half),
                        clamp(est + half),
                        r.daily.effectivePolls()[k]));
            }
            for (int i = 0; i < s.size(); i++) {
                if (used[i] && (!realtime || s.avail()[i] <= to))
                    contributing.addAll(s.polls().get(i).ids());
            }
            HouseEffectEstimator.Estimate h = r.house;
            for (int p = 0; p < s.pollsterCount(); p++) {
                if (h.count()[p] > 0) {
                    houseEffects.add(new HouseEffect(
                            prepared.pollsterNames.get(p), choice, h.effect()[p], h.standardError()[p], h.count()[p]));
                }
            }
        }
        houseEffects.sort((a, b) -> a.choice().equals(b.choice())
                ? a.pollster().compareToIgnoreCase(b.pollster())
                : a.choice().compareTo(b.choice()));
        List<String> ids = new ArrayList<>(contributing);
        ids.sort(null);
        return new TrendResult(points, ids, houseEffects);
    }

    private record Result(Smoother.Daily daily, HouseEffectEstimator.Estimate house) {}

    private static Result fit(
            PreparedPolls.Series s,
            Smoother smoother,
            TrendOptions o,
            int firstDay,
            int lastDay,
            boolean realtime,
            int usedFrom,
            boolean[] used) {
        int rounds = o.adjustHouseEffects() ? o.houseEffectIterations() : 1;
        Smoother.Daily daily = smoother.run(
                s,
                Smoother.HouseAdjustment.NONE,
                firstDay,
                lastDay,
                realtime,
                usedFrom,
                rounds == 1 && !o.adjustHouseEffects() ? used : null);
        HouseEffectEstimator.Estimate finalHouse = null;
        for (int round = 0; round < rounds; round++) {
            HouseTimeline h = houseEffects(s, daily, o, firstDay, lastDay, realtime);
            finalHouse = h.last;
            if (!o.adjustHouseEffects()) break;
            daily = smoother.run(s, h, firstDay, lastDay, realtime, usedFrom, round == rounds - 1 ? used : null);
        }
        return new Result(daily, finalHouse);
    }

    /**
     * House effects from residuals against {@code daily}. Realtime: one estimate per day from the
     * polls available by then (rows are shared between days on which nothing new arrived).
     */
    private static HouseTimeline houseEffects(
            PreparedPolls.Series s, Smoother.Daily daily, TrendOptions o, int firstDay, int lastDay, boolean realtime) {
        HouseEffectEstimator.Accumulator acc = new HouseEffectEstimator.Accumulator(s.pollsterCount());
        double fallback = s.meanVar();
        int n = s.size();
        if (!realtime) {
            for (int i = 0; i < n; i++) {
                double fit = daily.at(s.date()[i]);
                if (!Double.isNaN(fit)) acc.add(s.pollster()[i], s.y()[i] - fit);
            }
            HouseEffectEstimator.Estimate e =
                    HouseEffectEstimator.estimate(acc, o.houseEffectPriorPolls(), o.houseEffectReference(), fallback);
            return new HouseTimeline(firstDay, null, e);
        }
        double[][] byDay = new double[lastDay - firstDay + 1][];
        double[] current = new double[s.pollsterCount()];
        HouseEffectEstimator.Estimate last =
                HouseEffectEstimator.estimate(acc, o.houseEffectPriorPolls(), o.houseEffectReference(), fallback);
        int next = 0;
        for (int t = firstDay; t <= lastDay; t++) {
            boolean changed = false;
            while (next < n && s.avail()[next] <= t) {
                int i = next++;
                double fit = daily.at(t);
                if (!Double.isNaN(fit)) {
                    acc.add(s.pollster()[i], s.y()[i] - fit);
                    changed = true;
                }
            }
            if (changed) {
                last = HouseEffectEstimator.estimate(
                        acc, o.houseEffectPriorPolls(), o.houseEffectReference(), fallback);
                current = last.effect();
            }
            byDay[t - firstDay] = current;
        }
        return new HouseTimeline(firstDay, byDay, last);
    }

    /** House effects by day (realtime) or constant (hindsight: {@code byDay} null). */
    private record HouseTimeline(int firstDay, double[][] byDay, HouseEffectEstimator.Estimate last)
            implements Smoother.HouseAdjustment {
        @Override
        public double effect(int pollster, int day) {
            if (byDay == null) return last.effect()[pollster];
            int k = day - firstDay;
            if (k < 0) return 0;
            return byDay[Math.min(k, byDay.length - 1)][pollster];
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
