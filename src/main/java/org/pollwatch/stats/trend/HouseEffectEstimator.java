package org.pollwatch.stats.trend;

import java.util.Arrays;

/**
 * House effects as shrunk mean residuals. A pollster's raw house effect is the mean of its polls'
 * residuals against the average; with few polls that mean is mostly noise, so it is shrunk toward 0
 * in the empirical-Bayes way of James &amp; Stein (1961) and Efron &amp; Morris (1975, "Data analysis
 * using Stein's estimator and its generalizations", JASA 70:311-319):
 *
 * <pre>
 *   m_p = mean residual of pollster p (n_p polls),  v_p = s²_within / n_p
 *   tau² = max(0, mean_p(m_p² - v_p))          (method of moments; m_p is measured from the mean
 *                                                residual, or from the median pollster)
 *   effect_p = (1 - B_p) m_p,  B_p = v_p / (v_p + tau²),  SE_p = sqrt((1 - B_p) v_p)
 * </pre>
 *
 * With a fixed prior strength k (option {@code houseEffectPriorPolls}) B_p = k / (n_p + k) instead,
 * which is steadier when only a handful of pollsters are known (early in a realtime series).
 * The means are first measured from the mean of all residuals ({@link #meanResidual}) or, with
 * {@link HouseEffectReference#MEDIAN_POLLSTER}, from the median pollster ({@link #centre}).
 * Within-pollster variance s² is pooled over pollsters; with no repeat polls yet it falls back to
 * the model variance of a poll.
 */
final class HouseEffectEstimator {

    /** Running sums of residuals per pollster; {@link #estimate} turns them into effects. */
    static final class Accumulator {
        final int[] count;
        final double[] sum;
        final double[] sumSq;

        Accumulator(int pollsters) {
            count = new int[pollsters];
            sum = new double[pollsters];
            sumSq = new double[pollsters];
        }

        void add(int pollster, double residual) {
            count[pollster]++;
            sum[pollster] += residual;
            sumSq[pollster] += residual * residual;
        }

        /** Takes back a residual added before (its poll version was replaced or retracted). */
        void remove(int pollster, double residual) {
            count[pollster]--;
            sum[pollster] -= residual;
            sumSq[pollster] -= residual * residual;
            if (count[pollster] == 0) { // no rounding residue left behind
                sum[pollster] = 0;
                sumSq[pollster] = 0;
            }
        }
    }

    /** Effects and standard errors per pollster (0 and NaN for pollsters without residuals). */
    /**
     * @param within pooled within-pollster residual variance (sampling + non-sampling error of one poll)
     * @param spread between-pollster variance of true house effects (method of moments, >= 0)
     */
    record Estimate(double[] effect, double[] standardError, int[] count, double within, double spread) {}

    private HouseEffectEstimator() {}

    /**
     * Poll-count-weighted median of the pollsters' mean residuals. Residuals are taken against an
     * average that the biased pollsters themselves pull, so their plain mean is 0 by construction
     * and an outlying pollster would shift everyone else's effect. Measuring from the median
     * pollster instead (a robust reference, as in robust location estimation) lets one +5 pollster
     * among unbiased ones come out as +5 and the others as 0, so adjusting really removes its bias.
     */
    static double centre(Accumulator a) {
        int k = 0;
        double total = 0;
        double[][] means = new double[a.count.length][];
        for (int p = 0; p < a.count.length; p++) {
            if (a.count[p] == 0) continue;
            means[k++] = new double[] {a.sum[p] / a.count[p], a.count[p]};
            total += a.count[p];
        }
        if (k == 0) return 0;
        double[][] sorted = Arrays.copyOf(means, k);
        Arrays.sort(sorted, (x, y) -> Double.compare(x[0], y[0]));
        double cum = 0;
        for (int i = 0; i < k; i++) {
            cum += sorted[i][1];
            if (cum * 2 > total) return sorted[i][0];
            if (cum * 2 == total) return (sorted[i][0] + sorted[i + 1][0]) / 2; // even split: midpoint
        }
        return sorted[k - 1][0];
    }

    /**
     * Mean of all residuals. Against a realtime (one-sided) average, residuals share a common part
     * whenever opinion is moving (the average lags), which is not anyone's house effect: it is
     * removed, so house effects are relative to the average pollster.
     */
    static double meanResidual(Accumulator a) {
        double sum = 0;
        int n = 0;
        for (int p = 0; p < a.count.length; p++) {
            sum += a.sum[p];
            n += a.count[p];
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Within-pollster residual variance pooled over pollsters. Few repeat polls give a poor variance
     * estimate, so it is blended with the model variance as a prior worth 2 polls.
     */
    static double pooledWithin(Accumulator a, double fallbackVariance) {
        double withinSs = 0;
        int withinDf = 0;
        for (int p = 0; p < a.count.length; p++) {
            int n = a.count[p];
            if (n == 0) continue;
            withinSs += Math.max(0, a.sumSq[p] - a.sum[p] * a.sum[p] / n);
            withinDf += n - 1;
        }
        return (withinSs + 2 * fallbackVariance) / (withinDf + 2);
    }

    static Estimate estimate(
            Accumulator a, Double priorPolls, HouseEffectReference reference, double fallbackVariance) {
        int pollsters = a.count.length;
        int active = 0;
        for (int p = 0; p < pollsters; p++) if (a.count[p] > 0) active++;
        double within = pooledWithin(a, fallbackVariance);
        double centre = reference == HouseEffectReference.MEDIAN_POLLSTER ? centre(a) : meanResidual(a);
        double excess = 0;
        for (int p = 0; p < pollsters; p++) {
            int n = a.count[p];
            if (n == 0) continue;
            double m = a.sum[p] / n - centre;
            excess += m * m - within / n;
        }
        double spread = active == 0 ? 0 : Math.max(0, excess / active);
        double tau2;
        if (priorPolls != null) {
            tau2 = priorPolls == 0 ? Double.POSITIVE_INFINITY : within / priorPolls;
        } else {
            tau2 = spread;
        }
        double[] effect = new double[pollsters];
        double[] se = new double[pollsters];
        Arrays.fill(se, Double.NaN);
        for (int p = 0; p < pollsters; p++) {
            int n = a.count[p];
            if (n == 0) continue;
            double v = within / n;
            double keep = Double.isInfinite(tau2) ? 1 : tau2 / (tau2 + v); // 1 - B_p
            effect[p] = keep * (a.sum[p] / n - centre);
            se[p] = Math.sqrt(keep * v);
        }
        return new Estimate(effect, se, a.count.clone(), within, spread);
    }
}
