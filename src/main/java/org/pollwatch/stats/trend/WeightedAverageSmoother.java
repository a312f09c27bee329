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
 * the uncertainty of each pollster's house effect, shared by all its polls, plus δ² ā, the drift of opinion
 * since fieldwork (a random walk of δ = 0.05 points a day, polls ā days old on average: their weighted mean
 * age). Optional, realtime, and off by default: the lag of a one-sided average, (β ā)², opinion moving at
 * β points a day leaving the average about β·ā behind (mean squared error = bias² + variance); β² is the
 * mean over the window's days of the squared slope of the average over {@code lagSpanDays} days, so from
 * the days up to this one only, and steady from day to day. q is the Student t quantile with
 * {@code bandTailDf} degrees of freedom (3 by default: an average's error against another average is
 * heavy-tailed, mostly small and now and then large for weeks), bandScale 1.0; these, δ and the optional
 * terms were chosen by cross-validation, among bands that do not narrow by a quarter overnight without a
 * new poll. All of it comes from the polls available on the day. The weighted spread of the polls in the window
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
        if (realtime && o.lagSpanDays() > 0)
            addLag(out, o.lagSpanDays(), o.windowDays(), o.bandScale(), start - firstDay);
        return out;
    }

    /**
     * Adds the lag of a one-sided average to its band: opinion moving at β points a day and polls ā days
     * old on average leave the average about β·ā behind, whose square joins the variance (mean squared
     * error = bias² + variance). β² is the mean, over the last {@code memory} days (the window), of the
     * squared slope of the average over {@code span} days: how fast opinion has moved of late, from the
     * days up to this one only. Averaged so, one jump of the average widens the band gradually and for
     * weeks; the slope of a single day would widen it for exactly {@code span} days and then drop it, a
     * band that narrows threefold overnight with no new poll. Days before {@code fromIndex} have theirs
     * already; the running mean is rebuilt from the first day, so a resumed sweep gives the same bits.
     */
    private static void addLag(Daily out, int span, int memory, double scale, int fromIndex) {
        double[] e = out.estimate();
        double[] squaredSlope = new double[e.length]; // NaN where the slope is undefined
        double sum = 0;
        int count = 0;
        for (int k = 0; k < e.length; k++) {
            double slope = k >= span ? (e[k] - e[k - span]) / span : Double.NaN;
            squaredSlope[k] = slope * slope;
            if (!Double.isNaN(squaredSlope[k])) {
                sum += squaredSlope[k];
                count++;
            }
            int leaving = k - memory;
            if (leaving >= 0 && !Double.isNaN(squaredSlope[leaving])) {
                sum -= squaredSlope[leaving];
                if (--count == 0) sum = 0; // no rounding residue left behind
            }
            if (k < fromIndex || Double.isNaN(e[k]) || count == 0) continue;
            double age = out.meanAge()[k];
            double lagVariance = Math.max(0, sum / count) * age * age;
            double se = out.standardError()[k];
            out.standardError()[k] = Math.sqrt(se * se + scale * scale * lagVariance);
        }
    }
}
