package org.pollwatch.stats.trend;

/**
 * Weighted rolling average, in the manner of the poll averages of FiveThirtyEight (Silver, "How
 * our presidential approval tracker works", 2017) and RealClearPolitics-style windows, each poll weighted by
 *
 * <ul>
 *   <li>sample size, as inverse total variance 1 / (p(1-p)/n + nonSamplingSd²): proportional to n
 *       for small polls but levelling off for big ones, because beyond ~1,000 respondents a
 *       poll's error is dominated by non-sampling error (the same reason FiveThirtyEight uses
 *       diminishing returns, roughly sqrt(n));</li>
 *   <li>recency, 0.5^(age / halfLifeDays), and nothing older than windowDays;</li>
 *   <li>flooding, count^-alpha where count is the number of the same pollster's polls in the
 *       window, so a daily tracker weighs like a few polls, not like thirty.</li>
 * </ul>
 *
 * In hindsight the window is centred and age is |t - date|. The band is q·SE with
 *
 * <pre>
 *   SE² = bandScale² · ( [Σ w²(σ²_samp + σ²_ns) + Σ_p (Σ_{i∈p} w)² σ²_house,p] / (Σw)²  +  δ² ā  +  (β ā)² )
 * </pre>
 *
 * the variance of a weighted mean of independent poll errors (each poll: sampling error p(1-p)/n and the
 * non-sampling variance σ²_ns estimated from the polls known on the day, {@code TrendEngine#noise}), plus
 * the uncertainty of each pollster's house effect, shared by all its polls, plus, realtime, the lag of a
 * one-sided average: opinion moving at β points a day (the average's own slope over the last
 * {@code lagSpanDays}, so from the days before only) and polls ā days old on average (their weighted mean
 * age) leave the average about β·ā behind, whose square joins the variance (mean squared error = bias² +
 * variance). δ² ā, a random-walk drift since fieldwork, is off by default (δ = 0): the lag term measures
 * the movement instead of assuming it. q is the Student t quantile with {@code bandTailDf} degrees of
 * freedom (3 by default: an average's error against another average is heavy-tailed, mostly small and now
 * and then large for weeks), bandScale 0.6; both, the lag term and δ were chosen by cross-validation. All
 * of it comes from the polls available on the day. The weighted spread of the polls in the window
 * (s²_w / n_eff) is not used as a floor: it counts the pollster and trend differences that the adjusted
 * average removes, and on the FiveThirtyEight series it made the band up to 1.65 times wider than the
 * error it had. σ²_ns from recent residuals only ({@code noiseMemoryDays}, in {@code TrendEngine}) is
 * optional and off by default.
 */
final class WeightedAverageSmoother implements Smoother {

    private final TrendOptions o;

    WeightedAverageSmoother(TrendOptions o) {
        this.o = o;
    }

    @Override
    public Daily run(PreparedPolls.Series s, HouseAdjustment house, Days days) {
        return run(s, house, days, null, days.first());
    }

    /** Each day's average depends only on the polls in its window: a sweep can start on any day. */
    @Override
    public Daily run(PreparedPolls.Series s, HouseAdjustment house, Days days, Daily before, int fromDay) {
        int firstDay = days.first(), lastDay = days.last();
        boolean realtime = days.realtime();
        int start = before == null ? firstDay : Math.max(firstDay, fromDay);
        Daily out = before == null ? Daily.empty(firstDay, lastDay) : before.prefix(lastDay, start);
        int w = o.windowDays();
        double[] decay = new double[w + 1];
        for (int a = 0; a <= w; a++) decay[a] = Math.pow(0.5, a / o.halfLifeDays());
        double[] flood = Smoother.powTable(s.size(), o.pollsterFloodExponent());
        int[] count = new int[s.pollsterCount()];
        WindowCursor cur = new WindowCursor(s, realtime, w, w);
        int[] date = s.date(), pollster = s.pollster();
        double[] y = s.y(), var = s.var(), sampling = s.sampling();
        double[] pollsterWeight = new double[s.pollsterCount()];
        double drift = o.driftSdPerDay() * o.driftSdPerDay();
        double fixedNoise = o.nonSamplingSd() * o.nonSamplingSd();
        int[] window = new int[s.size()];
        for (int t = start; t <= lastDay; t++) {
            cur.moveTo(t);
            int m = cur.collect(window);
            for (int j = 0; j < m; j++) count[pollster[window[j]]]++;
            double sw = 0, sw2 = 0, swy = 0, sw2v = 0, swa = 0;
            double noise = house.nonSamplingVariance(t);
            if (Double.isNaN(noise)) noise = fixedNoise;
            double[] effect = house.effectsOn(t);
            boolean[] used = days.usedOn(t);
            for (int j = 0; j < m; j++) {
                int i = window[j];
                int p = pollster[i];
                int age = Math.abs(t - date[i]);
                double wi = decay[age] * flood[count[p]] / var[i];
                double yi = effect == null ? y[i] : y[i] - effect[p];
                sw += wi;
                sw2 += wi * wi;
                swy += wi * yi;
                sw2v += wi * wi * (sampling[i] + noise);
                swa += wi * age;
                pollsterWeight[p] += wi;
                if (used != null) used[i] = true;
            }
            double houseVar = 0;
            for (int j = 0; j < m; j++) {
                int p = pollster[window[j]];
                count[p] = 0;
                if (pollsterWeight[p] != 0) {
                    houseVar += pollsterWeight[p] * pollsterWeight[p] * house.effectVariance(p, t);
                    pollsterWeight[p] = 0;
                }
            }
            if (sw == 0) continue;
            double mean = swy / sw;
            double neff = sw * sw / sw2;
            double modelVar = (sw2v + houseVar) / (sw * sw);
            int k = t - firstDay;
            out.estimate()[k] = mean;
            double age = swa / sw;
            out.standardError()[k] = o.bandScale() * Math.sqrt(modelVar + drift * age);
            out.effectivePolls()[k] = neff;
            out.meanAge()[k] = age;
        }
        if (realtime && o.lagSpanDays() > 0) addLag(out, o.lagSpanDays(), o.bandScale(), start - firstDay);
        return out;
    }

    /**
     * Adds the lag of a one-sided average to its band: with opinion moving at slope β (the average's own
     * change over the last {@code span} days, so from the days before only) and polls a days old on
     * average, the average trails opinion by about β·a, whose square joins the variance (mean squared
     * error = bias² + variance). Days before {@code fromIndex} have theirs already.
     */
    private static void addLag(Daily out, int span, double scale, int fromIndex) {
        double[] e = out.estimate();
        for (int k = Math.max(span, fromIndex); k < e.length; k++) {
            if (Double.isNaN(e[k]) || Double.isNaN(e[k - span])) continue;
            double lag = (e[k] - e[k - span]) / span * out.meanAge()[k];
            double se = out.standardError()[k];
            out.standardError()[k] = Math.sqrt(se * se + scale * scale * lag * lag);
        }
    }
}
