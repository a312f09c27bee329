package org.pollwatch.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.pollwatch.common.ReadsAhead;
import org.pollwatch.events.EventType;
import org.pollwatch.events.LiveEvent;
import org.pollwatch.series.service.SeriesService;
import org.pollwatch.trends.config.TrendConfig;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.TrendRequest;
import org.pollwatch.web.charts.Theme;

/**
 * After a change of a series' polls has committed, computes what the series' default trend and chart
 * are drawn from ({@link SeriesData#snapshot}: the trend, its dots), the default SVG chart in both
 * themes and the trend's JSON and CSV, on one background thread, so that
 * the reader who follows the change (a newsroom's chart after an import, a dashboard refreshing on the
 * live event) finds them in the cache; a reader arriving while it runs waits for that computation
 * instead of making another. A series changed again before its turn comes is computed once. Every
 * instance on the database does it, whichever instance wrote: the change is learnt from its live
 * event ({@code average-recomputed}, delivered by PostgreSQL's NOTIFY on commit). An import also waits
 * for it before it answers ({@link ReadsAhead}). Off with {@code
 * pollwatch.trends.precompute-after-change=false}. When the instance starts, once its warm-up is done,
 * the same runs for the series changed last ({@code pollwatch.trends.precompute-at-startup}), so that
 * a restart or a new replica does not leave the first readers to compute.
 */
@ApplicationScoped
public class TrendPrecompute implements ReadsAhead {

    private static final Logger LOG = Logger.getLogger(TrendPrecompute.class);

    private final SeriesData data;
    private final ChartResponses charts;
    private final boolean enabled;
    private final int atStartup;
    private final SeriesService series;
    private final ChartWarmUp warmUp;
    /** Per series, its computation queued and not started yet: what a later change or an import joins. */
    private final Map<String, CompletableFuture<Void>> queued = new ConcurrentHashMap<>();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            task -> BackgroundThreads.lowPriority(task, "pollwatch-trend-precompute"));

    private final Counter precomputed;

    public TrendPrecompute(
            SeriesData data,
            ChartResponses charts,
            SeriesService series,
            ChartWarmUp warmUp,
            TrendConfig config,
            MeterRegistry metrics) {
        this.data = data;
        this.charts = charts;
        this.series = series;
        this.warmUp = warmUp;
        this.enabled = config.precomputeAfterChange();
        this.atStartup = config.precomputeAtStartup();
        this.precomputed = Counter.builder("pollwatch.trends.precomputed")
                .description(
                        "Series whose default trend and chart data were computed ahead of their readers: after a change, at startup")
                .register(metrics);
    }

    /** On the events listener's thread: only queues. */
    void afterChange(@Observes LiveEvent change) {
        if (!enabled || !EventType.AVERAGE_RECOMPUTED.wireName().equals(change.type())) {
            return;
        }
        change.series().forEach(this::queue);
    }

    /** After the warm-up, so that the two do not share the cores and the engine is warm by then. */
    void atStartup(@Observes StartupEvent start) {
        if (atStartup > 0) {
            warmUp.finished().thenRun(() -> {
                try {
                    worker.execute(this::queueLastChanged);
                } catch (RejectedExecutionException shuttingDown) {
                    // stopped before the warm-up finished
                }
            });
        }
    }

    /** On the worker: the one changed last first, as the one a reader most likely asks for next. */
    @ActivateRequestContext
    void queueLastChanged() {
        try {
            precomputeInTurn(new ArrayDeque<>(series.lastChangedKeys(atStartup)));
        } catch (RuntimeException e) {
            // no database yet: the first readers compute
            LOG.infof("Precomputing the series changed last skipped: %s", e.getMessage());
        }
    }

    /**
     * One at a time, each queued once the one before is done, so that a change arriving meanwhile (an
     * import right after the start, which waits for its own) is computed before the rest of them.
     */
    private void precomputeInTurn(Queue<String> keys) {
        String next = keys.poll();
        if (next != null) {
            queue(next).thenRun(() -> precomputeInTurn(keys));
        }
    }

    /**
     * Joins the series' computation already queued, if one is, so that an import's wait and its live
     * event make one computation, not two.
     */
    @Override
    public void awaitFor(String seriesKey, Duration atMost) {
        if (!enabled || atMost.isZero() || atMost.isNegative()) {
            return;
        }
        try {
            queue(seriesKey).get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException notNow) {
            // slower than the caller can wait: the computation goes on, or a reader makes it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The series' computation not started yet, queued now if there is none; done at once when shutting down. */
    private CompletableFuture<Void> queue(String key) {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> pending = queued.putIfAbsent(key, fresh);
        if (pending != null) {
            return pending;
        }
        try {
            worker.execute(() -> precompute(key, fresh));
        } catch (RejectedExecutionException shuttingDown) {
            queued.remove(key, fresh);
            fresh.complete(null);
        }
        return fresh;
    }

    /**
     * In a request context of its own, as a request's read: sessions are routed per request (primary
     * here). Non-private, so that ArC intercepts the worker's call of it on this bean.
     */
    @ActivateRequestContext
    void precompute(String key, CompletableFuture<Void> done) {
        // a change from now on queues the series again: this computation may not see it
        queued.remove(key, done);
        try {
            TrendRequest trend = data.request(new TrendParams(), key);
            long generation = data.generation(trend.series());
            SeriesData.Snapshot snapshot = data.snapshot(trend);
            // the chart as the series page, its embed and a plain link ask for it
            for (Theme theme : Theme.values()) {
                charts.prerender(
                        ChartResponses.Key.trend(
                                trend,
                                ChartResponses.DEFAULT_WIDTH,
                                ChartResponses.DEFAULT_HEIGHT,
                                theme,
                                "svg",
                                generation),
                        () -> SeriesData.chart(snapshot));
            }
            // the trend's JSON and CSV, written on first use and kept with it
            data.trend(trend).fingerprint();
            precomputed.increment();
        } catch (RuntimeException e) {
            // a series deleted or emptied meanwhile, the database gone: the reader computes, or is told why
            LOG.debugf(e, "Precomputing the trend of series %s skipped", key);
        } finally {
            done.complete(null);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
