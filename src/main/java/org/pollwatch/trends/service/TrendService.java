package org.pollwatch.trends.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.InputLimits;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.stats.trend.HouseEffect;
import org.pollwatch.stats.trend.PollObservation;
import org.pollwatch.stats.trend.PopulationPreference;
import org.pollwatch.stats.trend.TrendEngine;
import org.pollwatch.stats.trend.TrendMode;
import org.pollwatch.stats.trend.TrendOptions;
import org.pollwatch.stats.trend.TrendPoint;
import org.pollwatch.stats.trend.TrendResult;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.Series;
import org.pollwatch.trends.SeriesChoice;
import org.pollwatch.trends.TrendView;

/**
 * Computes the poll average of a series. The observations come from ONE projection query over
 * series_question -> question -> poll -> pollster -> option_result (no entities are loaded); an
 * as-of query adds one query for the revisions recorded after the as-of day. Results are cached
 * per request (see {@link TrendCache} for invalidation).
 */
@ApplicationScoped
public class TrendService {

    /**
     * Observations of a series: one row per poll, member question and mapped option. Served by
     * series_question_series_idx, the primary keys of question, poll and pollster, and
     * option_result_question_idx. {@code retracted} is evaluated at the cutoff (now, or the end of the
     * as-of day), so a poll retracted after the as-of day still counts as of then.
     */
    static final String OBSERVATIONS = """
            select p.id, ps.slug, ps.name, p.field_start, p.field_end, p.published_on, p.sample_size, p.population,
                   p.tracking, (p.retracted_at is not null and p.retracted_at < ?) as retracted,
                   q.id as question_id, sq.choice_map ->> lower(o.label) as choice, o.percentage, p.retracted_at
            from series_question sq
            join question q on q.id = sq.question_id
            join poll p on p.id = q.poll_id
            join pollster ps on ps.id = p.pollster_id
            join option_result o on o.question_id = q.id
            where sq.series_id = ? and (sq.choice_map ->> lower(o.label)) is not null
            order by p.id, q.position, o.position
            """;

    /** For each poll of the series revised after the cutoff, its earliest snapshot recorded after it: its content then. */
    static final String SNAPSHOTS_AFTER = """
            select distinct on (r.poll_id) r.poll_id, cast(r.snapshot as text)
            from poll_revision r
            where r.recorded_at >= :cutoff and r.poll_id in (
                select q.poll_id from series_question sq join question q on q.id = sq.question_id where sq.series_id = :series)
            order by r.poll_id, r.revision
            """;

    /** Every earlier version of the series' polls, oldest first: realtime counts each on the days it held. */
    static final String ALL_SNAPSHOTS = """
            select r.poll_id, r.recorded_at, cast(r.snapshot as text)
            from poll_revision r
            where r.poll_id in (
                select q.poll_id from series_question sq join question q on q.id = sq.question_id where sq.series_id = :series)
            order by r.poll_id, r.revision
            """;

    private static final Logger LOG = Logger.getLogger(TrendService.class);
    private static final OffsetDateTime FAR_FUTURE = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final EntityManager em;
    private final ObjectMapper json;
    private final TrendEngine engine = new TrendEngine();

    public TrendService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @CacheResult(cacheName = TrendCache.NAME)
    @Transactional
    public ComputedTrend compute(@CacheKey TrendRequest request) {
        Series series = SeriesService.find(request.series());
        List<Population> preference = SeriesMapping.populationPreference(series);
        Map<String, String> pollsterNames = new HashMap<>();
        long start = System.nanoTime();
        Collection<PollObservation> observations = observations(series, request, pollsterNames);
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
                        preference.stream().map(SeriesMapping::engineLabel).toList()));
        TrendResult result = engine.compute(observations, options.build());
        LOG.debugf(
                "Trend of series %s: %d polls loaded in %.1f ms, computed in %.1f ms",
                series.seriesKey, observations.size(), (loaded - start) / 1e6, (System.nanoTime() - loaded) / 1e6);

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
                series.seriesKey,
                series.title,
                method,
                mode,
                request.confidence(),
                request.adjustHouseEffects(),
                request.asOf(),
                request.from(),
                to,
                request.populations(),
                request.excludedPollsters(),
                preference,
                request.defaultsUsed(),
                series.choices.stream().map(c -> c.key).toList(),
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
        try {
            byte[] trendJson = json.writeValueAsBytes(trend);
            HouseEffectsView houseEffects =
                    new HouseEffectsView(series.seriesKey, method, mode, request.asOf(), to, effects);
            // records print every component: the house effects' text covers all they hold
            String fingerprint =
                    Fingerprint.start().add(trendJson).add(houseEffects).hex();
            return new ComputedTrend(trend, trendJson, csv(trend), houseEffects, fingerprint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the trend of series " + series.seriesKey, e);
        }
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

    /** The polls of the series as the engine sees them: one per poll (its first member question), filtered by the request. */
    private Collection<PollObservation> observations(
            Series series, TrendRequest request, Map<String, String> pollsterNames) {
        OffsetDateTime cutoff = request.asOf() == null
                ? FAR_FUTURE
                : request.asOf().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        // plain JDBC on the session's connection: 20,000 rows read without per-row type resolution
        Map<Long, PollValues> polls = em.unwrap(Session.class).doReturningWork(connection -> {
            Map<Long, PollValues> byId = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(OBSERVATIONS)) {
                statement.setObject(1, cutoff);
                statement.setLong(2, series.id);
                statement.setFetchSize(5000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        long pollId = row.getLong(1);
                        long questionId = row.getLong(11);
                        PollValues poll = byId.get(pollId);
                        if (poll == null) {
                            int sampleSize = row.getInt(7);
                            Integer knownSampleSize = row.wasNull() ? null : sampleSize;
                            poll = new PollValues(
                                    pollId,
                                    row.getString(2),
                                    row.getObject(4, LocalDate.class),
                                    row.getObject(5, LocalDate.class),
                                    row.getObject(6, LocalDate.class),
                                    knownSampleSize,
                                    Population.valueOf(row.getString(8)),
                                    row.getBoolean(9),
                                    row.getBoolean(10),
                                    questionId);
                            OffsetDateTime retractedAt = row.getObject(14, OffsetDateTime.class);
                            poll.retractedOn = retractedAt == null
                                    ? null
                                    : retractedAt
                                            .atZoneSameInstant(ZoneOffset.UTC)
                                            .toLocalDate();
                            byId.put(pollId, poll);
                            pollsterNames.putIfAbsent(poll.pollster, row.getString(3));
                        }
                        if (poll.questionId == questionId) {
                            poll.shares.putIfAbsent(row.getString(12), row.getDouble(13));
                        }
                    }
                }
            }
            return byId;
        });
        boolean realtime = request.mode() == TrendMode.REALTIME;
        if (realtime) {
            // Realtime is versioned: each version of a poll counts on the days it held, a retracted poll
            // until its retraction, so no later revision or retraction rewrites an earlier day (as-of
            // then keeps the versions available by the day).
            return versionedObservations(series, request, polls);
        }
        if (request.asOf() != null) {
            applySnapshots(series, cutoff, polls);
        }

        List<PollObservation> observations = new ArrayList<>(polls.size());
        for (PollValues poll : polls.values()) {
            if (!accepted(poll, request)) {
                continue;
            }
            LocalDate availableFrom = poll.publishedOn != null ? poll.publishedOn : poll.fieldEnd;
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
                    SeriesMapping.engineLabel(poll.population),
                    poll.tracking,
                    poll.shares));
        }
        return observations;
    }

    /**
     * Realtime input: every version of every poll with the days it held. A version recorded before a
     * revision on day R held until R (exclusive; as-of R already sees the revision); the next one from R.
     * The current version holds until the poll's retraction day, if any. Each counts from its own
     * availability (publication, else field end) at the earliest.
     */
    private Collection<PollObservation> versionedObservations(
            Series series, TrendRequest request, Map<Long, PollValues> current) {
        @SuppressWarnings("unchecked")
        List<Object[]> snapshots = em.createNativeQuery(ALL_SNAPSHOTS)
                .setParameter("series", series.id)
                .getResultList();
        Map<Long, List<Object[]>> byPoll = new HashMap<>();
        for (Object[] row : snapshots) {
            byPoll.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(row);
        }
        ChoiceMaps maps = byPoll.isEmpty() ? null : choiceMaps(series);
        List<PollObservation> observations = new ArrayList<>(current.size());
        for (PollValues poll : current.values()) {
            LocalDate validFrom = null;
            for (Object[] row : byPoll.getOrDefault(poll.id, List.of())) {
                LocalDate recordedOn = recordedOn(row[1]);
                PollValues then = poll.copy();
                then.retracted = false;
                applySnapshot(then, (String) row[2], maps);
                addVersion(observations, then, request, validFrom, recordedOn);
                validFrom = recordedOn;
            }
            PollValues now = poll.copy();
            now.retracted = false;
            addVersion(observations, now, request, validFrom, poll.retractedOn);
        }
        return observations;
    }

    private static LocalDate recordedOn(Object value) {
        if (value instanceof OffsetDateTime t)
            return t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        if (value instanceof java.time.Instant t)
            return t.atOffset(ZoneOffset.UTC).toLocalDate();
        if (value instanceof java.sql.Timestamp t)
            return t.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        throw new IllegalStateException("Unexpected recorded_at type " + value.getClass());
    }

    private static void addVersion(
            List<PollObservation> out, PollValues poll, TrendRequest request, LocalDate validFrom, LocalDate until) {
        LocalDate available = poll.publishedOn != null ? poll.publishedOn : poll.fieldEnd;
        if (validFrom != null && validFrom.isAfter(available)) available = validFrom;
        if (until != null && !until.isAfter(available)) return; // replaced before it was ever counted
        if (request.asOf() != null && available.isAfter(request.asOf())) return;
        if (!accepted(poll, request)) return;
        out.add(new PollObservation(
                Long.toString(poll.id),
                poll.pollster,
                poll.fieldStart,
                poll.fieldEnd,
                available,
                poll.sampleSize == null ? null : poll.sampleSize.doubleValue(),
                SeriesMapping.engineLabel(poll.population),
                poll.tracking,
                poll.shares,
                until));
    }

    private static boolean accepted(PollValues poll, TrendRequest request) {
        return !poll.retracted
                && !poll.shares.isEmpty()
                && !request.excludedPollsters().contains(poll.pollster)
                && (request.populations().isEmpty() || request.populations().contains(poll.population));
    }

    /** The series' option-to-choice maps per question, and its choice keys. */
    private record ChoiceMaps(Map<Long, Map<String, String>> byQuestion, Set<String> choiceKeys) {}

    private ChoiceMaps choiceMaps(Series series) {
        Map<Long, Map<String, String>> choiceMaps = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> maps = em.createNativeQuery(
                        "select sq.question_id, cast(sq.choice_map as text) from series_question sq where sq.series_id = :series")
                .setParameter("series", series.id)
                .getResultList();
        for (Object[] row : maps) {
            choiceMaps.put(((Number) row[0]).longValue(), SeriesMapping.parse((String) row[1]));
        }
        Set<String> choiceKeys = new HashSet<>(
                series.choices.stream().map((SeriesChoice c) -> c.key).toList());
        return new ChoiceMaps(choiceMaps, choiceKeys);
    }

    /** The poll's values as a snapshot recorded them. */
    private void applySnapshot(PollValues poll, String snapshot, ChoiceMaps maps) {
        PollView then;
        try {
            then = json.readValue(snapshot, PollView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable snapshot of poll " + poll.id, e);
        }
        poll.fieldStart = then.fieldStart();
        poll.fieldEnd = then.fieldEnd();
        poll.publishedOn = then.publishedOn();
        poll.sampleSize = then.sampleSize();
        poll.population = then.population();
        poll.tracking = then.tracking();
        poll.retracted = poll.retracted || then.status() == PollStatus.RETRACTED;
        poll.shares.clear();
        Map<String, String> map = maps.byQuestion().getOrDefault(poll.questionId, Map.of());
        then.questions().stream()
                .filter(q -> q.id() == poll.questionId)
                .findFirst()
                .ifPresent(q -> {
                    for (PollView.OptionView option : q.options()) {
                        String choice = map.get(SeriesMapping.labelKey(option.label()));
                        if (choice != null && maps.choiceKeys().contains(choice)) {
                            poll.shares.putIfAbsent(choice, option.percentage().doubleValue());
                        }
                    }
                });
    }

    /** Polls revised after the as-of day take the values of their earliest later snapshot: the ones they had then. */
    private void applySnapshots(Series series, OffsetDateTime cutoff, Map<Long, PollValues> polls) {
        @SuppressWarnings("unchecked")
        List<Object[]> snapshots = em.createNativeQuery(SNAPSHOTS_AFTER)
                .setParameter("series", series.id)
                .setParameter("cutoff", cutoff)
                .getResultList();
        if (snapshots.isEmpty()) {
            return;
        }
        ChoiceMaps maps = choiceMaps(series);
        for (Object[] row : snapshots) {
            PollValues poll = polls.get(((Number) row[0]).longValue());
            if (poll != null) {
                applySnapshot(poll, (String) row[1], maps);
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Mutable values of one poll while observations are assembled. */
    private static final class PollValues {
        final long id;
        final String pollster;
        final long questionId;
        LocalDate fieldStart;
        LocalDate fieldEnd;
        LocalDate publishedOn;
        Integer sampleSize;
        Population population;
        boolean tracking;
        boolean retracted;
        LocalDate retractedOn;
        final Map<String, Double> shares = new LinkedHashMap<>();

        PollValues copy() {
            PollValues c = new PollValues(
                    id,
                    pollster,
                    fieldStart,
                    fieldEnd,
                    publishedOn,
                    sampleSize,
                    population,
                    tracking,
                    retracted,
                    questionId);
            c.retractedOn = retractedOn;
            c.shares.putAll(shares);
            return c;
        }

        PollValues(
                long id,
                String pollster,
                LocalDate fieldStart,
                LocalDate fieldEnd,
                LocalDate publishedOn,
                Integer sampleSize,
                Population population,
                boolean tracking,
                boolean retracted,
                long questionId) {
            this.id = id;
            this.pollster = pollster;
            this.fieldStart = fieldStart;
            this.fieldEnd = fieldEnd;
            this.publishedOn = publishedOn;
            this.sampleSize = sampleSize;
            this.population = population;
            this.tracking = tracking;
            this.retracted = retracted;
            this.questionId = questionId;
        }
    }
}
