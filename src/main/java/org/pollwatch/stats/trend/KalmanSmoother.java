package org.pollwatch.stats.trend;

/**
 * Local-level (random-walk) state-space model, the model behind most poll-aggregation
 * "dynamic linear models" (e.g. Jackman, "Pooling the polls over an election campaign",
 * Australian Journal of Political Science 40:499-517, 2005):
 *
 * <pre>
 *   level_t = level_{t-1} + eta_t,        eta_t ~ N(0, kalmanDailySd²)     (per day)
 *   poll_i  = level_{date_i} + eps_i,     eps_i ~ N(0, p(1-p)/n + nonSamplingSd²)
 * </pre>
 *
 * Realtime: the Kalman filter (Kalman 1960), fed polls in the order they became available;
 * a poll whose field date is older than the filter's current day is applied at that day with
 * its variance increased by the random-walk drift since its field date (the usual approximation
 * for out-of-sequence measurements). Hindsight: the filter over field dates followed by the
 * Rauch–Tung–Striebel fixed-interval smoother (Rauch, Tung &amp; Striebel, AIAA Journal
 * 3:1445-1450, 1965). The band is z·sqrt(state variance).
 *
 * <p>Flooding: a poll's variance is multiplied by count^alpha, count being the number of the same
 * pollster's polls in the window (realtime: the windowDays before its date, as known when it
 * arrived; hindsight: centred), so that a daily tracker's many correlated, overlapping samples do
 * not swamp the state.
 */
final class KalmanSmoother implements Smoother {

    private final TrendOptions o;

    KalmanSmoother(TrendOptions o) {
        this.o = o;
    }

    @Override
    public Daily run(PreparedPolls.Series s, HouseAdjustment house, Days days) {
        int firstDay = days.first(), lastDay = days.last();
        boolean realtime = days.realtime();
        double[] r = floodedVariance(s, realtime);
        return realtime
                ? filter(s, r, house, firstDay, lastDay, days.used())
                : smooth(s, r, house, firstDay, lastDay, days.used());
    }

    private static final double KALMAN_NON_SAMPLING_VARIANCE = 1.0;

    private Daily filter(
            PreparedPolls.Series s, double[] r, HouseAdjustment house, int firstDay, int lastDay, boolean[] used) {
        Daily out = Daily.empty(firstDay, lastDay);
        double q = o.kalmanDailySd() * o.kalmanDailySd();
        double typical = 1;
        int[] avail = s.avail(), date = s.date(), pollster = s.pollster();
        double[] y = s.y();
        int n = s.size();
        int next = 0;
        boolean started = false;
        double x = 0, pv = 0;
        int stateDay = 0;
        for (int t = firstDay; t <= lastDay; t++) {
            while (next < n && avail[next] <= t) {
                int i = next++;
                double yi = y[i] - house.effect(pollster[i], t);
                double ri = r[i];
                if (!started) {
                    x = yi;
                    pv = ri;
                    stateDay = date[i];
                    started = true;
                } else {
                    if (date[i] > stateDay) {
                        pv += q * (date[i] - stateDay);
                        stateDay = date[i];
                    } else {
                        ri += q * (stateDay - date[i]);
                    }
                    double gain = pv / (pv + ri);
                    x += gain * (yi - x);
                    pv *= 1 - gain;
                }
                typical = s.typicalVar()[i];
                if (used != null) used[i] = true;
            }
            if (!started) continue;
            double pt = pv + q * Math.max(0, t - stateDay);
            int k = t - firstDay;
            out.estimate()[k] = x;
            out.standardError()[k] = Math.sqrt(pt);
            out.effectivePolls()[k] = typical / pt;
        }
        return out;
    }

    private Daily smooth(
            PreparedPolls.Series s, double[] r, HouseAdjustment house, int firstDay, int lastDay, boolean[] used) {
        Daily out = Daily.empty(firstDay, lastDay);
        int days = lastDay - firstDay + 1;
        if (days <= 0) return out;
        double q = o.kalmanDailySd() * o.kalmanDailySd();
        double typical = s.size() == 0 ? 1 : s.typicalVar()[0];
        int[] date = s.date(), pollster = s.pollster();
        double[] y = s.y();
        int n = s.size();
        double[] xf = new double[days], pf = new double[days], pp = new double[days];
        int next = 0;
        while (next < n && date[next] < firstDay) next++; // engine starts at the first poll; defensive
        int startK = -1;
        double x = 0, pv = 0;
        for (int k = 0; k < days; k++) {
            int t = firstDay + k;
            if (startK >= 0) pv += q;
            pp[k] = pv;
            while (next < n && date[next] == t) {
                int i = next++;
                double yi = y[i] - house.effect(pollster[i], t);
                if (startK < 0) {
                    x = yi;
                    pv = r[i];
                    startK = k;
                    pp[k] = Double.POSITIVE_INFINITY; // diffuse prior before the first poll
                } else {
                    double gain = pv / (pv + r[i]);
                    x += gain * (yi - x);
                    pv *= 1 - gain;
                }
                if (used != null) used[i] = true;
            }
            xf[k] = x;
            pf[k] = pv;
        }
        if (startK < 0) return out;
        double xs = xf[days - 1], ps = pf[days - 1];
        for (int k = days - 1; k >= startK; k--) {
            if (k < days - 1) {
                double c = pf[k] / pp[k + 1];
                xs = xf[k] + c * (xs - xf[k]);
                ps = pf[k] + c * c * (ps - pp[k + 1]);
            }
            out.estimate()[k] = xs;
            out.standardError()[k] = Math.sqrt(ps);
            out.effectivePolls()[k] = typical / ps;
        }
        return out;
    }

    /** Observation variances with the flooding penalty applied. */
    private double[] floodedVariance(PreparedPolls.Series s, boolean realtime) {
        int n = s.size();
        // The filter's speed is the ratio of its daily variance to the observation variance; its daily sd
        // was set against 1 point of non-sampling error, which it keeps (the weighted average's 3 points
        // were chosen by cross-validation for that method).
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = s.sampling()[i] + KALMAN_NON_SAMPLING_VARIANCE;
        double alpha = o.pollsterFloodExponent();
        if (alpha == 0 || n == 0) return r;
        int w = o.windowDays();
        int back = realtime ? w : w / 2;
        int ahead = realtime ? 0 : w / 2;
        // Group poll indexes by pollster, in series order, then count neighbours per poll.
        int[] pollster = s.pollster(), date = s.date(), avail = s.avail();
        int[] start = new int[s.pollsterCount() + 1];
        for (int i = 0; i < n; i++) start[pollster[i] + 1]++;
        for (int p = 0; p < s.pollsterCount(); p++) start[p + 1] += start[p];
        int[] fill = start.clone();
        int[] members = new int[n];
        for (int i = 0; i < n; i++) members[fill[pollster[i]]++] = i;
        for (int p = 0; p < s.pollsterCount(); p++) {
            for (int a = start[p]; a < start[p + 1]; a++) {
                int i = members[a];
                int count = 0;
                // Scan this pollster's polls near i; series order is by date or availability, both
                // close to date order, so scanning outward and stopping far away is cheap.
                for (int b = a; b >= start[p] && date[members[b]] >= date[i] - back - 60; b--) {
                    if (near(members[b], i, date, avail, back, ahead, realtime)) count++;
                }
                for (int b = a + 1; b < start[p + 1] && date[members[b]] <= date[i] + ahead + 60; b++) {
                    if (near(members[b], i, date, avail, back, ahead, realtime)) count++;
                }
                r[i] *= Math.pow(count, alpha);
            }
        }
        return r;
    }

    private static boolean near(int j, int i, int[] date, int[] avail, int back, int ahead, boolean realtime) {
        int d = date[j] - date[i];
        if (d < -back || d > ahead) return false;
        return !realtime || avail[j] <= avail[i];
    }
}
