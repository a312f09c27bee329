package org.pollwatch.web;

import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.pollwatch.stats.trend.PollObservation;
import org.pollwatch.stats.trend.TrendComputation;
import org.pollwatch.stats.trend.TrendEngine;
import org.pollwatch.stats.trend.TrendOptions;
import org.pollwatch.stats.trend.TrendPoint;
import org.pollwatch.trends.config.TrendConfig;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.TrendService;
import org.pollwatch.web.charts.ChartOutput;
import org.pollwatch.web.charts.Theme;
import org.pollwatch.web.charts.TrendChart;

/**
 * Runs the trend engine and the chart drawing on a synthetic series at startup, on a thread of its
 * own, so that the first chart a reader asks for after the service starts (typically right after an
 * import) is not also the JIT compiler's first sight of that code: cold, the engine alone takes
 * several times its warm time. Then the service's own path (the polls read through the database
 * driver, the trend's views built and serialised) runs once on synthetic rows the database generates
 * from no table; nothing is written and nothing is cached. Off when
 * {@code pollwatch.trends.warm-up-polls} is 0 (the test suite) and in a native executable, which has
 * no JIT to warm.
 */
@ApplicationScoped
public class ChartWarmUp {

    private static final Logger LOG = Logger.getLogger(ChartWarmUp.class);

    /** What the startup health check reports. */
    public enum State {
        OFF,
        RUNNING,
        DONE,
        FAILED
    }

    /** The synthetic series' choices and pollsters; about as many pollsters as a busy real series has. */
    private static final List<String> CHOICES = List.of("approve", "disapprove");

    private static final int POLLSTERS = 40;

    private final int polls;
    private final TrendConfig config;
    private final TrendService trends;
    private volatile State state = State.OFF;
    private volatile long millis;
    private volatile boolean readWarmedUp;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    public ChartWarmUp(TrendConfig config, TrendService trends) {
        this.polls = config.warmUpPolls();
        this.config = config;
        this.trends = trends;
    }

    void start(@Observes StartupEvent start) {
        if (polls <= 0 || ImageMode.current().isNativeImage()) {
            finished.complete(null);
            return;
        }
        state = State.RUNNING;
        // the warm-up gives way to real work on a busy machine
        BackgroundThreads.lowPriority(this::run, "pollwatch-chart-warm-up").start();
    }

    private void run() {
        long started = System.nanoTime();
        try {
            warmUp(polls);
            readWarmedUp = warmUpRead(polls);
            millis = (System.nanoTime() - started) / 1_000_000;
            state = State.DONE;
            LOG.infof(
                    "Trend engine and charts warmed up on %d synthetic polls in %d ms%s",
                    polls, millis, readWarmedUp ? "" : " (without the read: no database yet)");
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            LOG.warn("Warm-up of the trend engine and charts failed; the first charts will be slower", e);
        } finally {
            finished.complete(null);
        }
    }

    /**
     * The read step needs the database; one that is not up yet only leaves that step out. It runs in a
     * request context of its own, as a request's read does: sessions are routed to the primary or the
     * replica per request. Called from {@link #run} on this bean, it is still intercepted (ArC
     * intercepts a bean's calls of its own non-private methods).
     */
    @ActivateRequestContext
    boolean warmUpRead(int count) {
        try {
            trends.warmUp(count, new TrendParams().toRequest("warm-up", config));
            return true;
        } catch (RuntimeException e) {
            LOG.infof("Warm-up of the trend read skipped: %s", e.getMessage());
            LOG.debug("Cause of the skipped warm-up of the trend read", e);
            return false;
        }
    }

    /** Completes when the warm-up has run, failed, or was off: when the service's own work may start. */
    public CompletionStage<Void> finished() {
        return finished;
    }

    public State state() {
        return state;
    }

    /** Whether the read of a series' polls was warmed up too (false when the database was not reachable). */
    public boolean readWarmedUp() {
        return readWarmedUp;
    }

    /** How long the warm-up took, once {@link State#DONE}. */
    public long millis() {
        return millis;
    }

    /**
     * What a chart request after a change of a large series does, on {@code count} synthetic polls:
     * the default trend computed whole, then resumed after a poll entered on a day inside the series
     * and after one on its last day, then drawn as SVG in both themes and as PNG, with the dots grouped
     * and, for a small series, one by one. Returns the computation last made and the bytes drawn.
     */
    static Result warmUp(int count) {
        List<PollObservation> observations = syntheticPolls(count, new Random(20210120));
        TrendEngine engine = new TrendEngine();
        TrendOptions options = TrendOptions.defaults();
        TrendComputation computation = engine.compute(observations, options, null);
        computation = engine.compute(observations, options, null);
        LocalDate first = observations.get(0).fieldEnd();
        LocalDate last = observations.get(observations.size() - 1).availableFrom();
        Random random = new Random(7);
        for (int round = 0; round < 6; round++) {
            LocalDate day = round % 2 == 0
                    ? last
                    : first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay())));
            List<PollObservation> after = new ArrayList<>(observations);
            after.add(poll("new-" + round, "Pollster 0", day, 1000.0, 47 + round % 3, 46));
            computation = engine.compute(after, options, computation);
        }
        long bytes = 0;
        List<TrendChart.Choice> choices = choices(computation.result().points());
        for (int dots : new int[] {observations.size(), Math.min(observations.size(), 400)}) {
            TrendChart chart = TrendChart.of(
                    "Synthetic approval",
                    "Poll average (weighted average, realtime) with its 95 % band",
                    "Pollwatch · data: synthetic · " + last,
                    choices,
                    dots(observations.subList(observations.size() - dots, observations.size()), dots <= 500),
                    dots);
            bytes += ChartOutput.svg(chart, 800, 450, Theme.LIGHT).length;
            bytes += ChartOutput.svg(chart, 640, 400, Theme.DARK).length;
        }
        TrendChart small = TrendChart.of("Synthetic", "", "", choices, List.of(), 0);
        bytes += ChartOutput.png(small, 400, 240, Theme.LIGHT).length;
        return new Result(computation, bytes);
    }

    record Result(TrendComputation computation, long bytesDrawn) {}

    private static List<TrendChart.Choice> choices(List<TrendPoint> points) {
        Map<String, List<TrendChart.Point>> byChoice = new LinkedHashMap<>();
        for (TrendPoint p : points) {
            byChoice.computeIfAbsent(p.choice(), k -> new ArrayList<>())
                    .add(new TrendChart.Point(p.date(), p.estimate(), p.lower(), p.upper()));
        }
        List<TrendChart.Choice> choices = new ArrayList<>();
        byChoice.forEach((key, line) -> choices.add(new TrendChart.Choice(key, key, line)));
        return choices;
    }

    private static List<TrendChart.Dot> dots(List<PollObservation> polls, boolean withTooltips) {
        List<TrendChart.Dot> dots = new ArrayList<>(2 * polls.size());
        for (PollObservation poll : polls) {
            poll.shares()
                    .forEach((choice, value) -> dots.add(new TrendChart.Dot(
                            poll.fieldEnd(), choice, value, withTooltips ? poll.pollster() + ": " + value : null)));
        }
        return dots;
    }

    /**
     * {@code count} polls over a year, oldest first: 40 pollsters (a few of them polling most days),
     * each with its own house effect, around a slowly moving opinion; one in ten gives no sample size,
     * and the populations are mixed, so every branch of the default trend runs.
     */
    static List<PollObservation> syntheticPolls(int count, Random random) {
        LocalDate start = LocalDate.of(2021, 1, 20);
        double[] house = new double[POLLSTERS];
        for (int p = 0; p < POLLSTERS; p++) {
            house[p] = random.nextGaussian() * 2;
        }
        List<PollObservation> polls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate day = start.plusDays((long) i * 365 / count);
            int pollster = random.nextInt(4) == 0 ? random.nextInt(POLLSTERS) : random.nextInt(4);
            double opinion = 50 + 4 * Math.sin(day.getDayOfYear() / 58.0);
            double approve = opinion + house[pollster] + random.nextGaussian() * 2;
            Double size = random.nextInt(10) == 0 ? null : 400.0 + random.nextInt(2000);
            polls.add(poll("synthetic-" + i, "Pollster " + pollster, day, size, approve, 94 - approve));
        }
        return polls;
    }

    private static PollObservation poll(
            String id, String pollster, LocalDate fieldEnd, Double size, double approve, double disapprove) {
        String population = List.of("a", "rv", "lv").get(Math.floorMod(id.hashCode(), 3));
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put(CHOICES.get(0), Math.round(approve * 10) / 10.0);
        shares.put(CHOICES.get(1), Math.round(disapprove * 10) / 10.0);
        return new PollObservation(
                id, pollster, fieldEnd.minusDays(2), fieldEnd, fieldEnd, size, population, false, shares, null);
    }
}
