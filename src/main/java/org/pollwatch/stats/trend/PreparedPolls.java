package org.pollwatch.stats.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Input clean-up shared by all methods: one entry per real poll. Versions of the same poll (same
 * pollster and field dates) for several populations are reduced to the preferred population;
 * remaining duplicates (e.g. the same poll published with two question wordings) are averaged
 * into one poll, so it is not counted twice.
 */
final class PreparedPolls {

    /** One poll after merging. Days are epoch days; {@code sampleSize} NaN = unknown. */
    record Poll(
            List<String> ids,
            int pollster,
            int start,
            int end,
            int available,
            double sampleSize,
            Map<String, Double> shares) {}

    final List<Poll> polls;
    final List<String> pollsterNames;
    final List<String> choices;
    /** Used for polls of unknown size: the median known size (800 if none is known). */
    final double defaultSampleSize;

    private PreparedPolls(
            List<Poll> polls, List<String> pollsterNames, List<String> choices, double defaultSampleSize) {
        this.polls = polls;
        this.pollsterNames = pollsterNames;
        this.choices = choices;
        this.defaultSampleSize = defaultSampleSize;
    }

    static PreparedPolls prepare(Collection<PollObservation> input, TrendOptions o) {
        Map<String, Integer> pollsterIndex = new HashMap<>();
        Map<String, Integer> rawNameIndex = new HashMap<>(); // skips re-normalizing repeated names
        List<String> pollsterNames = new ArrayList<>();
        Map<GroupKey, List<PollObservation>> groups = new LinkedHashMap<>();
        for (PollObservation p : input) {
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
        TreeSet<String> choices = new TreeSet<>();
        List<Double> knownSizes = new ArrayList<>();
        for (List<PollObservation> group : groups.values()) {
            int best = Integer.MAX_VALUE;
            for (PollObservation p : group)
                best = Math.min(best, o.populationPreference().rank(p.population()));
            List<PollObservation> kept = new ArrayList<>();
            for (PollObservation p : group) if (o.populationPreference().rank(p.population()) == best) kept.add(p);
            Poll merged = merge(kept, rawNameIndex.get(group.get(0).pollster()), o.minReportingLagDays());
            polls.add(merged);
            choices.addAll(merged.shares().keySet());
            if (!Double.isNaN(merged.sampleSize())) knownSizes.add(merged.sampleSize());
        }
        double[] sizes =
                knownSizes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sizes.length == 0
                ? 800
                : sizes.length % 2 == 1
                        ? sizes[sizes.length / 2]
                        : (sizes[sizes.length / 2 - 1] + sizes[sizes.length / 2]) / 2;
        return new PreparedPolls(polls, List.copyOf(pollsterNames), List.copyOf(choices), median);
    }

    /** One real poll: same pollster, same field dates. */
    private record GroupKey(int pollster, long start, long end) {}

    private static Poll merge(List<PollObservation> rows, int pollster, int lag) {
        if (rows.size() == 1) { // the common case, without the averaging maps
            PollObservation p = rows.get(0);
            int avail =
                    (int) Math.max(p.availableFrom().toEpochDay(), p.fieldEnd().toEpochDay() + lag);
            return new Poll(
                    List.of(p.pollId()),
                    pollster,
                    (int) p.fieldStart().toEpochDay(),
                    (int) p.fieldEnd().toEpochDay(),
                    avail,
                    p.sampleSize() == null ? Double.NaN : p.sampleSize(),
                    p.shares());
        }
        List<String> ids = new ArrayList<>();
        Map<String, double[]> sums = new LinkedHashMap<>(); // choice -> {sum, count}
        double sizeSum = 0;
        int sizeCount = 0;
        int available = Integer.MIN_VALUE;
        for (PollObservation p : rows) {
            ids.add(p.pollId());
            p.shares().forEach((c, v) -> {
                double[] s = sums.computeIfAbsent(c, k -> new double[2]);
                s[0] += v;
                s[1]++;
            });
            if (p.sampleSize() != null) {
                sizeSum += p.sampleSize();
                sizeCount++;
            }
            // The merged value is known only once every version is; never before field end + lag.
            int avail =
                    (int) Math.max(p.availableFrom().toEpochDay(), p.fieldEnd().toEpochDay() + lag);
            available = Math.max(available, avail);
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
                sizeCount == 0 ? Double.NaN : sizeSum / sizeCount,
                shares);
    }

    static String normalize(String pollster) {
        return pollster.trim().toLowerCase(Locale.ROOT);
    }

    /** The polls that report {@code choice}, as arrays, sorted as the mode needs. */
    Series series(String choice, TrendOptions o) {
        List<Poll> with = new ArrayList<>();
        for (Poll p : polls) if (p.shares().containsKey(choice)) with.add(p);
        boolean realtime = o.mode() == TrendMode.REALTIME;
        // REALTIME walks polls in the order they became known; HINDSIGHT in field order.
        with.sort(
                realtime
                        ? (a, b) -> a.available() != b.available()
                                ? Integer.compare(a.available(), b.available())
                                : Integer.compare(a.end(), b.end())
                        : (a, b) -> Integer.compare(a.end(), b.end()));
        int n = with.size();
        int[] date = new int[n], avail = new int[n], pollster = new int[n];
        double[] y = new double[n], var = new double[n];
        double design = o.nonSamplingSd() * o.nonSamplingSd();
        for (int i = 0; i < n; i++) {
            Poll p = with.get(i);
            date[i] = p.end();
            avail[i] = p.available();
            pollster[i] = p.pollster();
            y[i] = p.shares().get(choice);
            double size = Double.isNaN(p.sampleSize()) ? defaultSampleSize : p.sampleSize();
            double share = Math.min(0.99, Math.max(0.01, y[i] / 100));
            var[i] = 1e4 * share * (1 - share) / size + design; // sampling + non-sampling error, points²
        }
        return new Series(choice, date, avail, pollster, pollsterNames.size(), y, var, with);
    }

    /** Per-choice arrays; index i is the i-th poll in the mode's order. */
    record Series(
            String choice,
            int[] date,
            int[] avail,
            int[] pollster,
            int pollsterCount,
            double[] y,
            double[] var,
            List<Poll> polls) {
        int size() {
            return date.length;
        }

        double meanVar() {
            return Arrays.stream(var).average().orElse(1);
        }
    }
}
