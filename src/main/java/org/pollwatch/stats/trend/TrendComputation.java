package org.pollwatch.stats.trend;

import java.util.List;
import java.util.Map;

/**
 * A computed trend, and what {@link TrendEngine#compute(java.util.Collection, TrendOptions,
 * TrendComputation)} needs to resume it after its polls change: per choice, the polls as prepared and
 * every backfitting round's daily estimates and house-effect timelines. Immutable once built, so one
 * computation can be resumed by several threads.
 */
public final class TrendComputation {

    /** One choice's sweep: its polls, its days, and each round's estimates and house effects. */
    record ChoiceRun(
            PreparedPolls.Series series,
            int firstDay,
            int lastDay,
            Smoother.Daily[] dailies,
            TrendEngine.HouseTimeline[] timelines) {

        /**
         * The first day whose value the polls {@code now} may change: the day the first poll that differs
         * (in any value the engine reads) became available, in the order both are sorted in. Realtime,
         * every day before it is computed from the same polls. {@code firstDay} when nothing can be kept.
         */
        int firstChangedDay(PreparedPolls.Series now, int firstDay) {
            if (firstDay != this.firstDay) return firstDay;
            PreparedPolls.Series was = series;
            int common = Math.min(was.size(), now.size());
            int i = 0;
            while (i < common && samePoll(was, now, i)) i++;
            int day = lastDay + 1; // days after the last one were never computed
            if (i < was.size()) day = Math.min(day, was.avail()[i]);
            if (i < now.size()) day = Math.min(day, now.avail()[i]);
            return Math.max(firstDay, day);
        }

        private static boolean samePoll(PreparedPolls.Series a, PreparedPolls.Series b, int i) {
            return a.avail()[i] == b.avail()[i]
                    && a.date()[i] == b.date()[i]
                    && a.until()[i] == b.until()[i]
                    && a.pollster()[i] == b.pollster()[i]
                    && a.y()[i] == b.y()[i]
                    && a.var()[i] == b.var()[i]
                    && a.sampling()[i] == b.sampling()[i]
                    && a.typicalVar()[i] == b.typicalVar()[i];
        }

        /**
         * About what the run holds: nine values per poll; per day and round, four estimates and three
         * references; and each distinct house-effect estimate (three values per pollster), which is most
         * of it (a series of 10,000 polls over three years: about 2 MB per choice).
         */
        long bytes() {
            long days = Math.max(0, lastDay - firstDay + 1);
            long estimates = 0;
            for (TrendEngine.HouseTimeline timeline : timelines) estimates += timeline.distinctEstimates();
            return 52L * series.size()
                    + dailies.length * 32L * days
                    + timelines.length * 16L * days
                    + estimates * (20L * series.pollsterCount() + 80);
        }
    }

    private final TrendResult result;
    private final TrendOptions options;
    private final List<String> pollsterNames;
    private final Map<String, ChoiceRun> runs;
    private final int resumedChoices;

    TrendComputation(
            TrendResult result,
            TrendOptions options,
            List<String> pollsterNames,
            Map<String, ChoiceRun> runs,
            int resumedChoices) {
        this.result = result;
        this.options = options;
        this.pollsterNames = pollsterNames;
        this.runs = Map.copyOf(runs);
        this.resumedChoices = resumedChoices;
    }

    /** Realtime weighted averages can be resumed: each day depends only on the polls available by then. */
    static boolean resumable(TrendOptions options) {
        return options.mode() == TrendMode.REALTIME && options.method() == TrendMethod.WEIGHTED_AVERAGE;
    }

    public TrendResult result() {
        return result;
    }

    /** Whether a later computation can resume this one. */
    public boolean canBeResumed() {
        return !runs.isEmpty();
    }

    /** How many choices were resumed from an earlier computation rather than computed whole. */
    public int resumedChoices() {
        return resumedChoices;
    }

    /** About how many bytes the state kept for resuming holds. */
    public long bytes() {
        long bytes = 1024;
        for (ChoiceRun run : runs.values()) bytes += run.bytes();
        return bytes;
    }

    /**
     * Same options but for the dates reported, and the same pollsters in the same order (pollster indexes
     * are array positions). {@code from} only chooses the days reported (every day is swept from the first
     * poll's), and realtime a day's value does not depend on how far the sweep goes: a computation up to
     * one {@code to} is resumed up to another, taking the days both cover and sweeping those it lacks.
     */
    boolean canResume(TrendOptions options, List<String> pollsterNames) {
        return withoutDates(this.options).equals(withoutDates(options)) && this.pollsterNames.equals(pollsterNames);
    }

    private static TrendOptions withoutDates(TrendOptions options) {
        return options.toBuilder().from(null).to(null).build();
    }

    Map<String, ChoiceRun> runs() {
        return runs;
    }
}
