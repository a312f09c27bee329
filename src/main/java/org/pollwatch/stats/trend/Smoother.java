package org.pollwatch.stats.trend;

/** One trend method: daily estimates for one choice. */
interface Smoother {

    /**
     * @param s      the polls, sorted by availability (realtime) or field end (hindsight)
     * @param house  house effect to subtract from a poll of pollster p on day t
     * @param days   the days to estimate, and where to mark the polls that influence them
     */
    Daily run(PreparedPolls.Series s, HouseAdjustment house, Days days);

    /**
     * As {@link #run(PreparedPolls.Series, HouseAdjustment, Days)}, with the days before {@code fromDay}
     * taken from {@code before} (realtime, when their polls and house effects are the same) and only the
     * days from {@code fromDay} computed. Methods whose days depend on one another compute them all.
     */
    default Daily run(PreparedPolls.Series s, HouseAdjustment house, Days days, Daily before, int fromDay) {
        return run(s, house, days);
    }

    /**
     * Epoch days {@code first..last} to estimate, one-sided ({@code realtime}: only polls available by each
     * day) or two-sided; {@code used}, when not null, receives the polls that influence days &gt;= {@code
     * usedFrom}.
     */
    record Days(int first, int last, boolean realtime, int usedFrom, boolean[] used) {

        Days withoutUse() {
            return new Days(first, last, realtime, usedFrom, null);
        }

        /** Where to mark the polls that influence day {@code day}; null when that day needs no marks. */
        boolean[] usedOn(int day) {
            return day >= usedFrom ? used : null;
        }
    }

    /** Estimates for consecutive days from {@code firstDay}; NaN where there is none. */
    record Daily(int firstDay, double[] estimate, double[] standardError, double[] effectivePolls, double[] meanAge) {

        static Daily empty(int firstDay, int lastDay) {
            int n = Math.max(0, lastDay - firstDay + 1);
            double[] e = new double[n], se = new double[n], ne = new double[n], age = new double[n];
            java.util.Arrays.fill(e, Double.NaN);
            java.util.Arrays.fill(se, Double.NaN);
            return new Daily(firstDay, e, se, ne, age);
        }

        /** Empty for days {@code firstDay..lastDay}, with this one's values up to day {@code before} excluded. */
        Daily prefix(int lastDay, int before) {
            Daily out = empty(firstDay, lastDay);
            int n = Math.max(0, Math.min(Math.min(before - firstDay, estimate.length), out.estimate.length));
            System.arraycopy(estimate, 0, out.estimate, 0, n);
            System.arraycopy(standardError, 0, out.standardError, 0, n);
            System.arraycopy(effectivePolls, 0, out.effectivePolls, 0, n);
            System.arraycopy(meanAge, 0, out.meanAge, 0, n);
            return out;
        }

        double at(int day) {
            int i = day - firstDay;
            return i < 0 || i >= estimate.length ? Double.NaN : estimate[i];
        }
    }

    /** Pollster house effects, possibly changing over time (realtime: as known on that day). */
    interface HouseAdjustment {
        HouseAdjustment NONE = day -> null;

        /** Effect per pollster index subtracted on {@code day}; null when none is. */
        double[] effectsOn(int day);

        default double effect(int pollster, int day) {
            double[] effects = effectsOn(day);
            return effects == null ? 0 : effects[pollster];
        }

        /**
         * Uncertainty (variance, points²) of the effect subtracted, or with no adjustment the spread of
         * house effects a poll carries; 0 when unknown.
         */
        default double effectVariance(int pollster, int day) {
            return 0;
        }

        /** Non-sampling variance of one poll estimated from the polls known on the day; NaN when unknown. */
        default double nonSamplingVariance(int day) {
            return Double.NaN;
        }
    }

    /** Per-pollster count of the pollster's polls in a sliding window, for the flooding limit. */
    static double[] powTable(int max, double exponent) {
        double[] t = new double[max + 2];
        for (int c = 1; c < t.length; c++) t[c] = Math.pow(c, -exponent);
        return t;
    }
}
