package org.pollwatch.trends.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.InputLimits;
import org.pollwatch.common.ReadCache;
import org.pollwatch.polls.DisclosureItem;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.trend.HouseEffect;
import org.pollwatch.stats.trend.PollObservation;
import org.pollwatch.stats.trend.PopulationPreference;
import org.pollwatch.stats.trend.TrendComputation;
import org.pollwatch.stats.trend.TrendEngine;
import org.pollwatch.stats.trend.TrendMode;
import org.pollwatch.stats.trend.TrendOptions;
import org.pollwatch.stats.trend.TrendPoint;
import org.pollwatch.stats.trend.TrendResult;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;
import org.pollwatch.trends.config.TrendConfig;

/**
 * Computes the poll average of a series from the polls {@link TrendQueries} reads (no entities are
 * loaded). Results are kept in the trend cache until the series changes ({@link ReadCache}); so are the
 * polls read, in a cache of their own, so that a trend asked with other dates, method or confidence
 * is only computed, not read again.
 */
@ApplicationScoped
public class TrendService {

    private static final Logger LOG = Logger.getLogger(TrendService.class);

    /** A resumable computation nobody has asked for this long gives its memory back. */
    private static final Duration RESUMABLE_IDLE = Duration.ofMinutes(30);

    private final TrendQueries queries;
    private final ReadCache.SeriesRegion cache;
    private final ReadCache.SeriesRegion polls;
    private final ObjectMapper json;
    private final TrendEngine engine = new TrendEngine();

    /**
     * The last computation per request without its dates, whatever its generation: after a change the
     * next one resumes it from the first day the changed polls touch instead of sweeping every day
     * again, and a request for other dates takes the days it covers (the engine checks which polls
     * differ, so an entry can never be stale, only less useful).
     */
    private final Cache<TrendRequest, TrendComputation> resumable;

    private final boolean resuming;

    private final Counter resumed;

    private final Counter computed;

    public TrendService(
            TrendQueries queries, ReadCache reads, TrendConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.queries = queries;
        this.cache = reads.untilSeriesChange("series-trend", config.cacheSize());
        this.polls = reads.untilSeriesChange("series-polls", config.cacheSize());
        this.json = json;
        this.resuming = config.resumableMegabytes() > 0;
        this.resumable = Caffeine.newBuilder()
                .maximumWeight(config.resumableMegabytes() * 1024L * 1024L)
                .<TrendRequest, TrendComputation>weigher(
                        (request, computation) -> (int) Math.min(Integer.MAX_VALUE, computation.bytes()))
                .expireAfterAccess(RESUMABLE_IDLE)
                .build();
        this.resumed = Counter.builder("pollwatch.trends.resumed")
                .description("Trends computed by resuming the request's previous computation from the first day"
                        + " its changed polls touch, instead of whole")
                .register(metrics);
        this.computed = Counter.builder("pollwatch.trends.computed")
                .description("Trends computed (whole or resumed) for requests the trend cache could not answer")
                .register(metrics);
    }

    /** The trend of the request, from the cache unless the series changed since it was computed. */
    public ComputedTrend compute(TrendRequest request) {
        return cache.get(request.series(), request, () -> computeNow(request));
    }

    private ComputedTrend computeNow(TrendRequest request) {
        long start = System.nanoTime();
        computed.increment();
        return compute(polls(request), request, start, true);
    }

    /**
     * What a trend request after a change does, on {@code polls} synthetic polls read from no table
     * ({@link TrendQueries#synthetic}): read, computed whole, its views built and serialised, so the JIT
     * compiler has seen that path before the first real request ({@code ChartWarmUp}). Nothing is kept.
     * Returns the size of the trend's JSON.
     */
    public int warmUp(int polls, TrendRequest request) {
        long start = System.nanoTime();
        ComputedTrend trend = compute(queries.synthetic(polls), request, start, false);
        return trend.trendJson().length + trend.trendCsv().length;
    }

    /** The trend of {@code series} read since {@code start}; {@code keep}: its sweep may be resumed later. */
    private ComputedTrend compute(TrendQueries.SeriesPolls series, TrendRequest request, long start, boolean keep) {
        List<Population> preference = series.populationPreference();
        Map<String, String> pollsterNames = series.pollsterNames();
        Collection<PollObservation> observations = observations(series.polls(), request);
        long loaded = System.nanoTime();
        checkSpan(request, observations);
        TrendOptions.Builder options = TrendOptions.defaults().toBuilder()
                .method(request.method())
                .mode(request.mode())
                .from(request.from())
                .to(request.to() != null ? request.to() : request.asOf())
                .confidenceLevel(request.confidence())
                .adjustHouseEffects(request.adjustHouseEffects())
                .populationPreference(new PopulationPreference(
                        preference.stream().map(Population::shortCode).toList()));
        TrendRequest sweep = withoutDates(request);
        TrendComputation earlier = keep ? resumable.getIfPresent(sweep) : null;
        TrendComputation computation = engine.compute(observations, options.build(), earlier);
        // the kept sweep is the one of the whole series, which any date range resumes; a range is kept
        // only when there is nothing else
        if (keep && resuming && computation.canBeResumed() && (request.to() == null || earlier == null)) {
            resumable.put(sweep, computation);
        }
        if (computation.resumedChoices() > 0) resumed.increment();
        TrendResult result = computation.result();
        LOG.debugf(
                "Trend of series %s: %d polls loaded in %.1f ms, computed in %.1f ms (%d choices resumed)",
                series.key(),
                observations.size(),
                (loaded - start) / 1e6,
                (System.nanoTime() - loaded) / 1e6,
                computation.resumedChoices());

        List<TrendView.Point> points = new ArrayList<>(result.points().size());
        for (TrendPoint p : result.points()) {
            points.add(new TrendView.Point(
                    p.date(),
                    p.choice(),
                    round(p.estimate()),
                    round(p.lower()),
                    round(p.upper()),
                    round(p.effectivePolls()),
                    Double.isNaN(p.predictionLower()) ? null : round(p.predictionLower()),
                    Double.isNaN(p.predictionUpper()) ? null : round(p.predictionUpper())));
        }
        List<Long> polls = result.contributingPollIds().stream()
                .map(Long::valueOf)
                .sorted()
                .toList();
        String method = request.method().name().toLowerCase();
        String mode = request.mode().name().toLowerCase();
        LocalDate to = request.to() != null ? request.to() : request.asOf();
        TrendView trend = new TrendView(
                series.key(),
                series.title(),
                method,
                mode,
                request.confidence(),
                request.adjustHouseEffects(),
                request.asOf(),
                request.from(),
                to,
                request.populations(),
                request.excludedPollsters(),
                request.minDisclosure(),
                preference,
                request.defaultsUsed(),
                series.choices(),
                points,
                polls);
        List<HouseEffectsView.HouseEffectView> effects = new ArrayList<>();
        for (HouseEffect h : result.houseEffects()) {
            effects.add(new HouseEffectsView.HouseEffectView(
                    new PollView.PollsterRef(h.pollster(), pollsterNames.getOrDefault(h.pollster(), h.pollster())),
                    h.choice(),
                    round(h.effect()),
                    round(h.standardError()),
                    h.pollCount()));
        }
        HouseEffectsView houseEffects = new HouseEffectsView(series.key(), method, mode, request.asOf(), to, effects);
        return new ComputedTrend(trend, houseEffects, () -> serialise(trend, houseEffects));
    }

    private ComputedTrend.Serialised serialise(TrendView trend, HouseEffectsView houseEffects) {
        try {
            byte[] trendJson = json.writeValueAsBytes(trend);
            // records print every component: the house effects' text covers all they hold
            String fingerprint =
                    Fingerprint.start().add(trendJson).add(houseEffects).hex();
            return new ComputedTrend.Serialised(trendJson, csv(trend), fingerprint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the trend of series " + trend.series(), e);
        }
    }

    /**
     * The key of a request's resumable computation: the request without the dates it reports, which
     * resuming does not need to match ({@link TrendEngine#compute(Collection, TrendOptions,
     * TrendComputation)}).
     */
    private static TrendRequest withoutDates(TrendRequest r) {
        return new TrendRequest(
                r.series(),
                null,
                null,
                r.populations(),
                r.excludedPollsters(),
                r.minDisclosure(),
                r.method(),
                r.mode(),
                r.asOf(),
                r.confidence(),
                r.adjustHouseEffects(),
                r.defaultsUsed());
    }

    /** What {@link TrendQueries#load} depends on besides the series (which the region keys by): the key of the polls cache. */
    private record PollsKey(LocalDate asOf, boolean versioned, List<String> excludedPollsters) {}

    /**
     * The request's polls as read, from the polls cache unless the series changed since; then the
     * polls read before are brought up to date, reading only those changed.
     */
    private TrendQueries.SeriesPolls polls(TrendRequest request) {
        // excluded pollsters are filtered per request, but load checks that they exist: they stay in
        // the key so an unknown one is refused even when the series' polls are cached
        boolean versioned = request.mode() == TrendMode.REALTIME;
        PollsKey key = new PollsKey(request.asOf(), versioned, List.copyOf(request.excludedPollsters()));
        return polls.get(
                request.series(),
                key,
                () -> queries.load(request.series(), request.asOf(), versioned, request.excludedPollsters()),
                previous -> queries.update(
                        previous, request.series(), request.asOf(), versioned, request.excludedPollsters()));
    }

    /**
     * A trend reports at most {@link InputLimits#MAX_TREND_DAYS} days: from its first day ({@code from},
     * else the first poll's) to its last ({@code to}, else {@code as-of}, else the last poll's). A
     * request without any of them reports the days of its polls, which the date range bounds.
     */
    private static void checkSpan(TrendRequest request, Collection<PollObservation> observations) {
        LocalDate first = request.from();
        LocalDate last = request.to() != null ? request.to() : request.asOf();
        for (PollObservation o : observations) {
            LocalDate earliest = o.fieldStart().isBefore(o.availableFrom()) ? o.fieldStart() : o.availableFrom();
            LocalDate latest = o.fieldEnd().isAfter(o.availableFrom()) ? o.fieldEnd() : o.availableFrom();
            if (request.from() == null && (first == null || earliest.isBefore(first))) {
                first = earliest;
            }
            if (request.to() == null && request.asOf() == null && (last == null || latest.isAfter(last))) {
                last = latest;
            }
        }
        boolean asked = request.from() != null || request.to() != null || request.asOf() != null;
        if (asked
                && first != null
                && last != null
                && last.toEpochDay() - first.toEpochDay() + 1 > InputLimits.MAX_TREND_DAYS) {
            throw ProblemException.invalidField(
                    request.to() != null ? "to" : request.asOf() != null ? "as-of" : "from",
                    "a trend reports at most " + InputLimits.MAX_TREND_DAYS + " days (20 years); from " + first + " to "
                            + last + " is longer: narrow it with from and to");
        }
    }

    /** The points as CSV: date,choice,estimate,lower,upper. */
    static byte[] csv(TrendView trend) {
        StringBuilder csv =
                new StringBuilder(40 * trend.points().size() + 64).append("date,choice,estimate,lower,upper\n");
        for (TrendView.Point p : trend.points()) {
            csv.append(p.date())
                    .append(',')
                    .append(p.choice())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.2f,%.2f,%.2f", p.estimate(), p.lower(), p.upper()))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The polls as the engine sees them, filtered by the request. */
    private static Collection<PollObservation> observations(
            Collection<TrendQueries.PollValues> polls, TrendRequest request) {
        Set<String> excluded = new HashSet<>(request.excludedPollsters());
        List<PollObservation> observations = new ArrayList<>(polls.size());
        for (TrendQueries.PollValues poll : polls) {
            if (poll.retracted
                    || poll.shares.isEmpty()
                    || excluded.contains(poll.pollster)
                    || (request.minDisclosure() != null
                            && DisclosureItem.score(poll.disclosureItems) < request.minDisclosure())
                    || (!request.populations().isEmpty()
                            && !request.populations().contains(poll.population))) {
                continue;
            }
            LocalDate availableFrom = Poll.availableFrom(poll.publishedOn, poll.fieldEnd);
            // a version of a poll (realtime) counts from the day it was recorded, until it was replaced
            if (poll.validFrom != null && poll.validFrom.isAfter(availableFrom)) {
                availableFrom = poll.validFrom;
            }
            if (poll.until != null && !poll.until.isAfter(availableFrom)) {
                continue;
            }
            if (request.asOf() != null && availableFrom.isAfter(request.asOf())) {
                continue;
            }
            observations.add(new PollObservation(
                    Long.toString(poll.id),
                    poll.pollster,
                    poll.fieldStart,
                    poll.fieldEnd,
                    availableFrom,
                    poll.sampleSize == null ? null : poll.sampleSize.doubleValue(),
                    poll.population.shortCode(),
                    poll.tracking,
                    poll.shares,
                    poll.until));
        }
        return observations;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
