package org.pollwatch.stats.trend;

/**
 * LOESS: locally weighted linear regression (Cleveland, "Robust locally weighted regression and
 * smoothing scatterplots", JASA 74:829-836, 1979) of poll results on field-end date.
 *
 * <p>For day t each poll within {@code loessSpanDays} gets the tricube weight
 * (1 - (|date - t| / span)³)³ times the same sample-size and flooding weights (pollster counts within the span) as
 * {@link WeightedAverageSmoother}, and the estimate is the intercept at t of the weighted
 * least-squares line. Realtime is one-sided (only polls available by t, so the line is
 * extrapolated to today, which follows trends faster than an average); hindsight is the usual
 * two-sided fit. The neighbourhood is a fixed number of days rather than Cleveland's fraction of
 * the points, so that the smoothness does not change with polling density. When the polls in
 * the window cannot determine a slope (one date only) the fit falls back to a local mean.
 * Cleveland's robustness iterations are not used: house-effect adjustment takes their place.
 *
 * <p>Measured: one-sided (realtime) local-linear fits are noisy at the boundary, where the slope
 * is extrapolated from polls on one side only (MAE 1.0-1.9 points against FiveThirtyEight's
 * averages, against 0.43 for the weighted average); use LOESS for hindsight curves.
 *
 * <p>Band: the estimate is Σ l_i y_i (equivalent kernel l); SE² = Σ l_i² σ_i² · max(1, φ), where
 * σ_i² is each poll's sampling + non-sampling variance and φ the kernel-weighted mean squared
 * standardized residual (over-dispersion). Effective polls = 1 / Σ l_i².
 */
final class LoessSmoother implements Smoother {

    private final TrendOptions o;

    LoessSmoother(TrendOptions o) {
        this.o = o;
    }

    @Override
    public Daily run(PreparedPolls.Series s, HouseAdjustment house, Days days) {
        int firstDay = days.first(), lastDay = days.last();
        boolean realtime = days.realtime();
        Daily out = Daily.empty(firstDay, lastDay);
        double span = o.loessSpanDays();
        int reach = (int) Math.ceil(span) - 1; // tricube weight is 0 at distance span
        double[] kernel = new double[reach + 1];
        for (int d = 0; d <= reach; d++) {
            double u = d / span;
            double c = 1 - u * u * u;
            kernel[d] = c * c * c;
        }
        double[] flood = Smoother.powTable(s.size(), o.pollsterFloodExponent());
        int[] count = new int[s.pollsterCount()];
        WindowCursor cur = new WindowCursor(s, realtime, reach, reach);
        int[] date = s.date(), pollster = s.pollster();
        double[] y = s.y(), var = s.var();
        int cap = s.size();
        double[] wts = new double[Math.max(1, cap)];
        double[] ys = new double[Math.max(1, cap)];
        int[] window = new int[Math.max(1, cap)];
        for (int t = firstDay; t <= lastDay; t++) {
            cur.moveTo(t);
            int m = cur.collect(window);
            for (int j = 0; j < m; j++) count[pollster[window[j]]]++;
            double s0 = 0, s1 = 0, s2 = 0, sy = 0, sxy = 0;
            int minX = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE;
            double[] effect = house.effectsOn(t);
            boolean[] used = days.usedOn(t);
            for (int j = 0; j < m; j++) {
                int i = window[j];
                int x = date[i] - t;
                double wi = kernel[Math.abs(x)] * flood[count[pollster[i]]] / var[i];
                double yi = effect == null ? y[i] : y[i] - effect[pollster[i]];
                wts[i] = wi;
                ys[i] = yi;
                s0 += wi;
                s1 += wi * x;
                s2 += wi * x * x;
                sy += wi * yi;
                sxy += wi * x * yi;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                if (wi > 0 && used != null) used[i] = true;
            }
            for (int j = 0; j < m; j++) count[pollster[window[j]]] = 0;
            if (!(s0 > 0)) continue;
            double det = s0 * s2 - s1 * s1;
            boolean linear = maxX > minX && det > 1e-9 * s0 * s2;
            double a, b;
            if (linear) {
                a = (s2 * sy - s1 * sxy) / det;
                b = (s0 * sxy - s1 * sy) / det;
            } else {
                a = sy / s0;
                b = 0;
            }
            // Equivalent kernel l_i: the estimate is Σ l_i y_i.
            double sumL2 = 0, sumL2v = 0, phiNum = 0, phiDen = 0;
            for (int j = 0; j < m; j++) {
                int i = window[j];
                if (wts[i] == 0) continue;
                int x = date[i] - t;
                double l = linear ? wts[i] * (s2 - s1 * x) / det : wts[i] / s0;
                sumL2 += l * l;
                sumL2v += l * l * var[i];
                double r = ys[i] - a - b * x;
                double k = kernel[Math.abs(x)];
                phiNum += k * r * r / var[i];
                phiDen += k;
            }
            double neff = 1 / sumL2;
            double dof = linear ? 2 : 1;
            double phi = neff > dof + 1 ? phiNum / phiDen * neff / (neff - dof) : 1;
            int k = t - firstDay;
            out.estimate()[k] = a;
            out.standardError()[k] = Math.sqrt(sumL2v * Math.max(1, phi));
            out.effectivePolls()[k] = neff;
        }
        return out;
    }
}
