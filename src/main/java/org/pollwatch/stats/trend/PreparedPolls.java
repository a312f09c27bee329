package org.pollwatch.stats.trend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Input clean-up shared by all methods: one entry per real poll. Versions of the same poll (same
 * pollster and field dates) for several populations are reduced to the preferred population;
 * remaining duplicates (e.g. the same poll published with two question wordings) are averaged
 * into one poll, so it is not counted twice.
 */
final class PreparedPolls {

    /** Size assumed for polls of unknown size when no known size is available yet. */
    static final double SIZE_WITHOUT_EVIDENCE = 800;

    /**
     * One poll after merging, valid on days {@code [available, until)}. Days are epoch days;
     * {@code sampleSize} NaN = unknown, then its default size stands in for it.
     */
    record Poll(
            List<String> ids,
            int pollster,
            int start,
            int end,
            int available,
            int until,
            double sampleSize,
            Map<String, Double> shares) {}

    /** In the order they became available. */
    final List<Poll> polls;

    /** The size assumed for each poll of {@link #polls} when its own is unknown. */
    private final double[] defaultSizes;

    final List<String> pollsterNames;
    final List<String> choices;

    private PreparedPolls(List<Poll> polls, double[] defaultSizes, List<String> pollsterNames, List<String> choices) {
        this.polls = polls;
        this.defaultSizes = defaultSizes;
        this.pollsterNames = pollsterNames;
        this.choices = choices;
    }

    /**
     * REALTIME: each real poll becomes a sequence of segments, one per stretch of days over which the set of
     * its valid versions is constant (a version arriving, being revised or retracted starts a new one), so
     * the population rule and the averaging of duplicates on day D see only the versions valid on D. The
     * size used for a poll of unknown n is the median known size of the polls available by the day it
     * became available. HINDSIGHT: current versions only, unknown sizes get the median of all known ones.
     */
    static PreparedPolls prepare(Collection<PollObservation> input, TrendOptions o) {
        boolean realtime = o.mode() == TrendMode.REALTIME;
        Map<String, Integer> pollsterIndex = new HashMap<>();
        Map<String, Integer> rawNameIndex = new HashMap<>(); // skips re-normalizing repeated names
        List<String> pollsterNames = new ArrayList<>();
        Map<GroupKey, List<PollObservation>> groups = new LinkedHashMap<>();
        for (PollObservation p : input) {
            if (!realtime && p.validUntil() != null) continue;
            int pollster = rawNameIndex.computeIfAbsent(
                    p.pollster(),
                    raw -> pollsterIndex.computeIfAbsent(normalize(raw), k -> {
                        pollsterNames.add(raw.trim());
                        return pollsterNames.size() - 1;
                    }));
            groups.computeIfAbsent(
                            new GroupKey(
                                    pollster,
                                    p.fieldStart().toEpochDay(),
                                    p.fieldEnd().toEpochDay()),
                            k -> new ArrayList<>(1))
                    .add(p);
        }
        List<Poll> polls = new ArrayList<>();
        int lag = o.minReportingLagDays();
        for (List<PollObservation> group : groups.values()) {
            int pollster = rawNameIndex.get(group.get(0).pollster());
            if (group.size() == 1 && group.get(0).validUntil() == null) { // the common case
                polls.add(merge(group, pollster, available(group.get(0), lag), Integer.MAX_VALUE, o));
            } else {
                TreeSet<Integer> changes = new TreeSet<>();
                for (PollObservation p : group) {
                    changes.add(available(p, lag));
                    changes.add(until(p));
                }
                Integer from = changes.first();
                while (from != null && from != Integer.MAX_VALUE) {
                    Integer next = changes.higher(from);
                    int day = from;
                    List<PollObservation> valid = new ArrayList<>();
                    for (PollObservation p : group) {
                        if (available(p, lag) <= day && day < until(p)) valid.add(p);
                    }
                    if (!valid.isEmpty()) {
                        polls.add(merge(valid, pollster, day, next == null ? Integer.MAX_VALUE : next, o));
                    }
                    from = next;
                }
            }
        }
        Set<String> seen = new HashSet<>(); // hashed first: sorting 10,000 polls' keys one by one is slower
        for (Poll p : polls) seen.addAll(p.shares().keySet());
        polls.sort((a, b) -> Integer.compare(a.available(), b.available()));
        return new PreparedPolls(
                polls, defaultSizes(polls, realtime), List.copyOf(pollsterNames), List.copyOf(new TreeSet<>(seen)));
    }

    private static int available(PollObservation p, int lag) {
        return (int) Math.max(p.availableFrom().toEpochDay(), p.fieldEnd().toEpochDay() + lag);
    }

    private static int until(PollObservation p) {
        return p.validUntil() == null ? Integer.MAX_VALUE : (int) p.validUntil().toEpochDay();
    }

    /** One real poll: same pollster, same field dates. */
    private record GroupKey(int pollster, long start, long end) {}

    /** The versions valid together: the preferred population only, duplicates averaged. */
    private static Poll merge(List<PollObservation> valid, int pollster, int available, int until, TrendOptions o) {
        int best = Integer.MAX_VALUE;
        for (PollObservation p : valid)
            best = Math.min(best, o.populationPreference().rank(p.population()));
        List<PollObservation> rows = new ArrayList<>(valid.size());
        for (PollObservation p : valid) if (o.populationPreference().rank(p.population()) == best) rows.add(p);
        if (rows.size() == 1) { // the common case, without the averaging maps
            PollObservation p = rows.get(0);
            return new Poll(
                    List.of(p.pollId()),
                    pollster,
                    (int) p.fieldStart().toEpochDay(),
                    (int) p.fieldEnd().toEpochDay(),
                    available,
                    until,
                    p.sampleSize() == null ? Double.NaN : p.sampleSize(),
                    p.shares());
        }
        List<String> ids = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>(); // choice -> {sum, count}
        double sizeSum = 0;
        int sizeCount = 0;
        for (PollObservation p : rows) {
            if (!ids.contains(p.pollId())) ids.add(p.pollId());
            p.shares().forEach((c, v) -> {
                double[] s = sums.computeIfAbsent(c, k -> new double[2]);
                s[0] += v;
                s[1]++;
            });
            if (p.sampleSize() != null) {
                sizeSum += p.sampleSize();
                sizeCount++;
            }
        }
        Map<String, Double> shares = new HashMap<>();
        sums.forEach((c, s) -> shares.put(c, s[0] / s[1]));
        PollObservation first = rows.get(0);
        return new Poll(
                List.copyOf(ids),
                pollster,
                (int) first.fieldStart().toEpochDay(),
                (int) first.fieldEnd().toEpochDay(),
                available,
                until,
                sizeCount == 0 ? Double.NaN : sizeSum / sizeCount,
                shares);
    }

    /**
     * The {@link #defaultSizes} of polls sorted by availability: realtime, the median known size among the polls available by each poll's
     * day (two heaps, one pass in availability order); hindsight, the median of all known sizes.
     */
    private static double[] defaultSizes(List<Poll> polls, boolean realtime) {
        double[] sizes = new double[polls.size()];
        RunningMedian median = new RunningMedian();
        if (!realtime) {
            for (Poll p : polls) if (!Double.isNaN(p.sampleSize())) median.add(p.sampleSize());
        }
        int i = 0;
        while (i < polls.size()) {
            int day = polls.get(i).available();
            int j = i;
            if (realtime) {
                for (; j < polls.size() && polls.get(j).available() == day; j++) {
                    double size = polls.get(j).sampleSize();
                    if (!Double.isNaN(size)) median.add(size);
                }
            } else {
                j = polls.size();
            }
            java.util.Arrays.fill(sizes, i, j, median.isEmpty() ? SIZE_WITHOUT_EVIDENCE : median.value());
            i = j;
        }
        return sizes;
    }

    /** Median of a growing multiset: a max-heap of the lower half and a min-heap of the upper half. */
    private static final class RunningMedian {
        private final PriorityQueue<Double> lower = new PriorityQueue<>(Comparator.reverseOrder());
        private final PriorityQueue<Double> upper = new PriorityQueue<>();

        void add(double v) {
            if (lower.isEmpty() || v <= lower.peek()) lower.add(v);
            else upper.add(v);
            if (lower.size() > upper.size() + 1) upper.add(lower.poll());
            else if (upper.size() > lower.size()) lower.add(upper.poll());
        }

        boolean isEmpty() {
            return lower.isEmpty();
        }

        double value() {
            return lower.size() > upper.size() ? lower.peek() : (lower.peek() + upper.peek()) / 2;
        }
    }

    static String normalize(String pollster) {
        return pollster.trim().toLowerCase(Locale.ROOT);
    }

    /** The polls that report {@code choice}, as arrays, sorted as the mode needs. */
    Series series(String choice, TrendOptions o) {
        List<Integer> with = new ArrayList<>();
        for (int i = 0; i < polls.size(); i++) if (polls.get(i).shares().containsKey(choice)) with.add(i);
        boolean realtime = o.mode() == TrendMode.REALTIME;
        // REALTIME walks polls in the order they became known; HINDSIGHT in field order.
        Comparator<Integer> byEnd = Comparator.comparingInt(i -> polls.get(i).end());
        with.sort(
                realtime
                        ? Comparator.<Integer>comparingInt(i -> polls.get(i).available())
                                .thenComparing(byEnd)
                        : byEnd);
        int n = with.size();
        int[] index = new int[n];
        int[] date = new int[n], avail = new int[n], until = new int[n], pollster = new int[n];
        double[] y = new double[n], var = new double[n], sampling = new double[n], typicalVar = new double[n];
        double design = o.nonSamplingSd() * o.nonSamplingSd();
        for (int i = 0; i < n; i++) {
            index[i] = with.get(i);
            Poll p = polls.get(index[i]);
            date[i] = p.end();
            avail[i] = p.available();
            until[i] = p.until();
            pollster[i] = p.pollster();
            y[i] = p.shares().get(choice);
            double size = Double.isNaN(p.sampleSize()) ? defaultSizes[index[i]] : p.sampleSize();
            double share = Math.min(0.99, Math.max(0.01, y[i] / 100));
            sampling[i] = 1e4 * share * (1 - share) / size;
            var[i] = sampling[i] + design; // sampling + non-sampling error, points²
        }
        // The typical variance as known when each poll arrived (realtime) or overall (hindsight).
        double sum = 0;
        for (int i = 0; i < n; i++) sum += var[i];
        double overall = n == 0 ? 1 : sum / n;
        double running = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && avail[j] == avail[i]) running += var[j++];
            for (int k = i; k < j; k++) typicalVar[k] = realtime ? running / j : overall;
            i = j;
        }
        return new Series(
                choice, date, avail, until, pollster, pollsterNames.size(), y, var, sampling, typicalVar, index);
    }

    /**
     * Per-choice arrays; index i is the i-th poll in the mode's order, {@code index[i]} its position in
     * {@link #polls}.
     */
    record Series(
            String choice,
            int[] date,
            int[] avail,
            int[] until,
            int[] pollster,
            int pollsterCount,
            double[] y,
            double[] var,
            double[] sampling,
            double[] typicalVar,
            int[] index) {
        int size() {
            return date.length;
        }

        /** Whether poll i counts on day t (realtime: available and not yet replaced or retracted). */
        boolean validOn(int i, int t) {
            return avail[i] <= t && t < until[i];
        }
    }
}
