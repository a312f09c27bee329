package org.pollwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.pollwatch.common.ReadCache;
import org.pollwatch.series.SeriesDocument;
import org.pollwatch.series.SeriesPollView;
import org.pollwatch.series.SeriesView;
import org.pollwatch.series.service.SeriesService;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;
import org.pollwatch.trends.config.TrendConfig;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.ComputedTrend;
import org.pollwatch.trends.service.TrendRequest;
import org.pollwatch.trends.service.TrendService;
import org.pollwatch.web.charts.DotGroups;
import org.pollwatch.web.charts.TrendChart;

/** A series as the dashboard shows it: the trend, its polls as dots, house effects; built from the series API's services. */
@ApplicationScoped
public class SeriesData {

    /** A poll of the series, with its house-effect-adjusted shares. */
    public record Dot(SeriesPollView poll, Map<String, BigDecimal> shares, Map<String, Double> adjusted) {}

    /** Everything a series page, chart or embed is drawn from. */
    public record Snapshot(
            SeriesView series,
            TrendView trend,
            HouseEffectsView houseEffects,
            List<Dot> dots,
            Map<String, String> choiceLabels)
            implements ReadCache.Weighed {

        public String label(String choice) {
            return choiceLabels.getOrDefault(choice, choice);
        }

        /** The dots and their shares; the polls they point to are weighed by their own region. */
        @Override
        public long bytes() {
            return 4096L + 320L * dots.size();
        }
    }

    /** A series page's table holds at most this many polls; a larger series links to the rest. */
    public static final int PAGE_ROWS = 100;

    /**
     * What a series page shows of a snapshot: the chart's alt text, the browser chart's data and the
     * table's rows: every poll, oldest first, or the {@value #PAGE_ROWS} latest, newest first.
     */
    public record Page(Snapshot snapshot, String altText, String chartJson, List<Dot> rows)
            implements ReadCache.Weighed {

        @Override
        public long bytes() {
            // the snapshot too: a page can outlive it in its own region
            return 4096L + 2L * (chartJson.length() + altText.length()) + snapshot.bytes();
        }
    }

    private final SeriesService series;
    private final TrendService trends;
    private final ReadCache cache;
    private final TrendConfig config;

    /**
     * A series' polls and the snapshots drawn from them, until the next change of the series: a chart of a
     * new size or a page reads neither the polls again nor joins them to the trend again. After a change
     * of polls, only those changed are read again.
     */
    private final ReadCache.SeriesRegion polls;

    private final ReadCache.SeriesRegion snapshots;

    private final ReadCache.SeriesRegion pages;

    /** Reads a series' polls for its dots while the request's thread computes the trend. */
    private final ManagedExecutor background;

    public SeriesData(
            SeriesService series,
            TrendService trends,
            ReadCache cache,
            TrendConfig config,
            ManagedExecutor background) {
        this.config = config;
        this.background = background;
        this.series = series;
        this.trends = trends;
        this.cache = cache;
        this.polls = cache.untilSeriesChange("web-series-polls", 64);
        this.snapshots = cache.untilSeriesChange("web-series-snapshots", 256);
        this.pages = cache.untilSeriesChange("web-series-pages", 256);
    }

    /** The generation of series {@code key}'s data: part of every cache key derived from it. */
    public long generation(String key) {
        return cache.generation(key);
    }

    /** The trend request that {@code params} make for series {@code key}, with the configured defaults. */
    public TrendRequest request(TrendParams params, String key) {
        return params.toRequest(key, config);
    }

    public ComputedTrend trend(TrendRequest request) {
        return trends.compute(request);
    }

    public List<SeriesView> list() {
        return series.list();
    }

    public Snapshot snapshot(TrendRequest request) {
        return snapshots.get(request.series(), request, () -> snapshotNow(request));
    }

    /** A series page's parts, until the next change of the series. */
    public Page page(TrendRequest request) {
        return pages.get(request.series(), request, () -> {
            Snapshot snapshot = snapshot(request);
            List<Dot> dots = snapshot.dots();
            List<Dot> rows;
            if (dots.size() <= PAGE_ROWS) {
                rows = dots;
            } else {
                rows = new ArrayList<>(dots.subList(dots.size() - PAGE_ROWS, dots.size()));
                Collections.reverse(rows);
            }
            return new Page(snapshot, chart(snapshot).description(), ChartJson.of(snapshot), List.copyOf(rows));
        });
    }

    /** What a snapshot reads beside its trend: the series and its polls. */
    private record SeriesAndPolls(SeriesView view, SeriesService.AllPolls polls) {}

    private Snapshot snapshotNow(TrendRequest request) {
        // the series and the dots' polls are reads of the database, the trend mostly a computation: the
        // reads run beside the trend (the request's context goes with them), not before or after it
        SideRead<SeriesAndPolls> reading = new SideRead<>(
                () -> new SeriesAndPolls(
                        series.get(request.series()),
                        polls.get(
                                request.series(),
                                request.series(),
                                () -> series.allPolls(request.series(), false),
                                previous -> series.allPollsUpdated(previous, request.series(), false))),
                background);
        ComputedTrend computed;
        try {
            computed = trend(request);
        } catch (RuntimeException refused) {
            reading.cancelOrAwait();
            throw refused;
        }
        Set<Long> contributing = new HashSet<>(computed.trend().polls());
        // per pollster, per choice: one look-up per poll, no key built per poll and choice
        Map<String, Map<String, Double>> effects = new HashMap<>();
        for (HouseEffectsView.HouseEffectView effect : computed.houseEffects().houseEffects()) {
            effects.computeIfAbsent(effect.pollster().slug(), k -> new HashMap<>())
                    .put(effect.choice(), effect.effect());
        }
        List<Dot> dots = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        SeriesAndPolls read = reading.join();
        SeriesView view = read.view();
        for (SeriesPollView poll : read.polls().polls()) {
            // one dot per poll: its first member question counts in the average
            if (contributing.contains(poll.pollId()) && seen.add(poll.pollId())) {
                Map<String, Double> own = effects.getOrDefault(poll.pollster().slug(), Map.of());
                Map<String, Double> adjusted = new LinkedHashMap<>();
                poll.shares()
                        .forEach((choice, share) ->
                                adjusted.put(choice, share.doubleValue() - own.getOrDefault(choice, 0.0)));
                dots.add(new Dot(poll, poll.shares(), adjusted));
            }
        }
        dots.sort((a, b) -> a.poll().fieldEnd().compareTo(b.poll().fieldEnd()));
        Map<String, String> labels = new LinkedHashMap<>();
        for (SeriesDocument.ChoiceDocument choice : view.choices()) {
            labels.put(choice.key(), choice.label());
        }
        return new Snapshot(
                view,
                computed.trend(),
                computed.houseEffects(),
                List.copyOf(dots),
                Collections.unmodifiableMap(labels));
    }

    /**
     * A read handed to the executor while the requesting thread does other work. Whichever thread
     * claims it first runs it: when every worker is busy the requesting thread runs it itself instead
     * of waiting on a task still queued, so a full pool cannot deadlock on these reads.
     */
    static final class SideRead<T> {

        private final Supplier<T> read;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<T> result = new CompletableFuture<>();

        SideRead(Supplier<T> read, Executor executor) {
            this.read = read;
            try {
                executor.execute(this::runIfUnclaimed);
            } catch (RejectedExecutionException full) {
                // join runs it
            }
        }

        private void runIfUnclaimed() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(read.get());
                } catch (RuntimeException | Error failure) {
                    result.completeExceptionally(failure);
                }
            }
        }

        /** The value read, here if no worker took the read up yet; its failure as it was thrown. */
        T join() {
            runIfUnclaimed();
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw e;
            }
        }

        /** Not run at all if no worker took it up yet; else over before the request (in whose context it runs) is. */
        void cancelOrAwait() {
            if (!claimed.compareAndSet(false, true)) {
                result.handle((value, failure) -> value).join();
            }
        }
    }

    /**
     * The trend chart of a snapshot: lines and bands per choice, one dot per poll and choice (grouped
     * for a large series, whose dots then need no tooltip of their own).
     */
    public static TrendChart chart(Snapshot snapshot) {
        boolean grouped = DotGroups.grouped(snapshot.dots().size());
        Map<String, List<TrendChart.Point>> byChoice = new LinkedHashMap<>();
        for (String choice : snapshot.trend().choices()) {
            byChoice.put(choice, new ArrayList<>());
        }
        LocalDate last = null;
        for (TrendView.Point p : snapshot.trend().points()) {
            byChoice.computeIfAbsent(p.choice(), k -> new ArrayList<>())
                    .add(new TrendChart.Point(p.date(), p.estimate(), p.lower(), p.upper()));
            last = last == null || p.date().isAfter(last) ? p.date() : last;
        }
        List<TrendChart.Choice> choices = new ArrayList<>();
        byChoice.forEach((key, points) -> choices.add(new TrendChart.Choice(key, snapshot.label(key), points)));
        List<TrendChart.Dot> dots = new ArrayList<>();
        Set<String> pollsters = new LinkedHashSet<>();
        for (Dot dot : snapshot.dots()) {
            SeriesPollView poll = dot.poll();
            pollsters.add(poll.pollster().name());
            for (Map.Entry<String, BigDecimal> share : dot.shares().entrySet()) {
                dots.add(new TrendChart.Dot(
                        poll.fieldEnd(),
                        share.getKey(),
                        share.getValue().doubleValue(),
                        grouped ? null : tooltip(snapshot, dot, share.getKey())));
            }
        }
        TrendView trend = snapshot.trend();
        String subtitle = "Poll average (" + trend.method().replace('_', ' ') + ", " + trend.mode() + ") with its "
                + Math.round(trend.confidence() * 100) + " % band; dots are "
                + (grouped ? "groups of polls" : "polls")
                + (trend.asOf() == null ? "" : "; as of " + trend.asOf());
        return TrendChart.of(
                snapshot.series().title(),
                subtitle,
                footer(pollsters, last),
                choices,
                dots,
                snapshot.dots().size());
    }

    static String tooltip(Snapshot snapshot, Dot dot, String choice) {
        SeriesPollView poll = dot.poll();
        return String.format(
                Locale.ROOT,
                "%s, %s to %s, %s: %s %.1f %% (adjusted for house effect %.1f %%)",
                poll.pollster().name(),
                poll.fieldStart(),
                poll.fieldEnd(),
                poll.sampleSize() == null ? "n not given" : "n = " + poll.sampleSize(),
                snapshot.label(choice),
                dot.shares().get(choice).doubleValue(),
                dot.adjusted().get(choice));
    }

    /** "Pollwatch · data: A, B, C and 4 more · 2021-08-31". */
    static String footer(Set<String> pollsters, LocalDate last) {
        List<String> names = new ArrayList<>(pollsters);
        String data = names.isEmpty()
                ? "no polls"
                : names.size() <= 3
                        ? String.join(", ", names)
                        : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
        return "Pollwatch · data: " + data + " · " + (last == null ? LocalDate.now() : last);
    }
}
