package org.pollwatch.trends.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.pollwatch.common.DataGeneration;
import org.pollwatch.common.ReadCache;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.common.SharedValues;
import org.pollwatch.polls.DisclosureItem;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;
import org.pollwatch.pollsters.PollsterService;
import org.pollwatch.series.Series;
import org.pollwatch.series.service.SeriesMapping;

/**
 * The SQL of the trends: the polls of a series as the trend engine needs them, as they were at a
 * cutoff. The observations are read by column position (see {@link #OBSERVATIONS}).
 */
@ApplicationScoped
public class TrendQueries {

    /**
     * Observations of a series: one row per poll, member question and mapped option. Served by
     * series_question_series_idx, the primary keys of question, poll and pollster, and
     * option_result_question_idx; for a series holding half the polls PostgreSQL hash-joins the whole
     * tables instead, as fast (about 45 ms for 10,000 polls). {@code retracted} is evaluated at the
     * cutoff (now, or the end of the as-of day), so a poll retracted after the as-of day still counts
     * as of then. Read by position: keep the order of the columns. {@code %s}: a further condition, on
     * the polls read again ({@link #OBSERVATIONS_OF_POLLS}).
     */
    static final String OBSERVATIONS = """
            select p.id as poll_id, ps.slug, ps.name as pollster_name, p.field_start, p.field_end, p.published_on,
                   p.sample_size, p.population, p.tracking, p.disclosure_items,
                   (p.retracted_at is not null and p.retracted_at < ?) as retracted,
                   q.id as question_id, sq.choice_map ->> lower(o.label) as choice, o.percentage, p.retracted_at
            from series_question sq
            join question q on q.id = sq.question_id
            join poll p on p.id = q.poll_id
            join pollster ps on ps.id = p.pollster_id
            join option_result o on o.question_id = q.id
            where sq.series_id = ? and (sq.choice_map ->> lower(o.label)) is not null %s
            order by p.id, q.position, o.position
            """;

    private static final String OBSERVATIONS_OF_SERIES = OBSERVATIONS.formatted("");

    /** Observations of the series' polls among those of parameter 3, an array of ids (poll's primary key). */
    private static final String OBSERVATIONS_OF_POLLS = OBSERVATIONS.formatted("and p.id = any(?)");

    /**
     * Rows shaped as {@link #OBSERVATIONS}' for a synthetic series of parameter 1 polls over a year, from
     * no table: what {@link #synthetic} reads to warm up the read of a series' polls at startup.
     */
    static final String SYNTHETIC_OBSERVATIONS = """
            select g::bigint, 'pollster-' || (g % 40), 'Pollster ' || (g % 40),
                   date '2021-01-18' + g * 365 / ?, date '2021-01-20' + g * 365 / ?, null::date,
                   case when g % 10 = 0 then null else 400 + g % 2000 end,
                   (array['ADULTS', 'REGISTERED_VOTERS', 'LIKELY_VOTERS'])[1 + g % 3], false, 0, false,
                   g::bigint, o.choice, o.share + g % 7 - 3, null::timestamptz
            from generate_series(1, ?) g cross join (values ('approve', 47.0), ('disapprove', 46.0)) o (choice, share)
            order by g, o.choice
            """;

    /** Where {@link #SNAPSHOTS_AFTER} and {@link #ALL_SNAPSHOTS} look: the polls of series :series. */
    private static final String OF_SERIES = "(select q.poll_id from series_question sq join question q"
            + " on q.id = sq.question_id where sq.series_id = :series)";

    /**
     * Or only the polls of :polls, read again: snapshots of those not in the series are not looked up
     * (the polls the snapshots apply to are read first).
     */
    private static final String OF_POLLS = "(:polls)";

    /**
     * For each poll of the series revised after the cutoff, its earliest snapshot recorded after it: its
     * content then. Served by poll_revision_poll_recorded_idx and series_question_series_idx.
     */
    static final String SNAPSHOTS_AFTER = """
            select distinct on (r.poll_id) r.poll_id, cast(r.snapshot as text) as snapshot
            from poll_revision r
            where r.recorded_at >= :cutoff and r.poll_id in %s
            order by r.poll_id, r.revision
            """;

    /**
     * Every earlier version of the series' polls, oldest first: realtime counts each on the days it
     * held. Served by poll_revision_poll_recorded_idx and series_question_series_idx.
     */
    static final String ALL_SNAPSHOTS = """
            select r.poll_id, r.recorded_at, cast(r.snapshot as text) as snapshot
            from poll_revision r
            where r.poll_id in %s
            order by r.poll_id, r.revision
            """;

    /** The choice maps of a series' members (series_question_series_idx). */
    static final String CHOICE_MAPS = """
            select sq.question_id, cast(sq.choice_map as text) as choice_map
            from series_question sq where sq.series_id = :series
            """;

    private static final OffsetDateTime FAR_FUTURE = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * What a trend is computed from: the series and its polls as they were at the cutoff. Immutable once
     * {@link #load} returns it, so the polls cache can hand one to concurrent requests.
     */
    record SeriesPolls(
            String key,
            String title,
            List<String> choices,
            List<Population> populationPreference,
            Collection<PollValues> polls,
            Map<String, String> pollsterNames,
            DataGeneration.ReadMark mark)
            implements ReadCache.Weighed {

        /**
         * About what the polls hold on the heap: a poll's values, its boxed sample size and its
         * shares (an immutable map and boxed doubles); dates and strings are shared between polls.
         */
        @Override
        public long bytes() {
            long bytes = 256;
            for (PollValues poll : polls) {
                bytes += 136 + 32L * poll.shares.size();
            }
            return bytes + 96L * pollsterNames.size();
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public TrendQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * The series (404 problem if unknown) and its polls as they were at the end of {@code asOf} (null:
     * now); {@code versioned} (realtime): every version of every poll, each with the days it held, so no
     * later revision or retraction rewrites an earlier day. An {@code excludedPollsters} slug that names
     * no pollster is a 400 problem naming exclude-pollster.
     */
    @ReadOnlyTransaction
    public SeriesPolls load(String key, LocalDate asOf, boolean versioned, List<String> excludedPollsters) {
        return read(key, asOf, versioned, excludedPollsters, null);
    }

    /**
     * {@code previous}, which {@link #load} or this returned for the same arguments, brought up to date:
     * only the polls changed since it was read are read again, unless the series was redefined since
     * ({@link DataGeneration#startRead}). The result is what {@link #load} would return now.
     */
    @ReadOnlyTransaction
    public SeriesPolls update(
            SeriesPolls previous, String key, LocalDate asOf, boolean versioned, List<String> excludedPollsters) {
        return read(key, asOf, versioned, excludedPollsters, previous);
    }

    private SeriesPolls read(
            String key, LocalDate asOf, boolean versioned, List<String> excludedPollsters, SeriesPolls previous) {
        Series series = Series.require(key);
        PollsterService.requireKnown("exclude-pollster", excludedPollsters);
        OffsetDateTime cutoff =
                asOf == null ? FAR_FUTURE : asOf.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        DataGeneration.ReadStart start = em.unwrap(Session.class)
                .doReturningWork(c -> DataGeneration.startRead(c, key, previous == null ? null : previous.mark()));
        Set<Long> changed = start.readAgain(); // null: every poll of the series is read
        Map<String, String> pollsterNames = new HashMap<>(changed == null ? Map.of() : previous.pollsterNames());
        Map<Long, PollValues> polls = observations(series.id, cutoff, changed, pollsterNames);
        Collection<PollValues> values = polls.values();
        if (versioned) {
            values = versions(series, polls, changed == null ? null : polls.keySet());
        } else if (asOf != null) {
            applySnapshots(series, cutoff, polls, changed == null ? null : polls.keySet());
        }
        for (PollValues poll : values) {
            // the engine copies shares with Map.copyOf, which keeps an immutable map as it is
            poll.shares = Map.copyOf(poll.shares);
        }
        // in poll id order, as a whole read gives them
        List<PollValues> all = List.copyOf(
                changed == null
                        ? values
                        : DataGeneration.withPollsReadAgain(
                                previous.polls(),
                                poll -> poll.id,
                                changed,
                                values,
                                Comparator.comparingLong(poll -> poll.id)));
        if (changed != null) {
            // a pollster whose last poll left the series is no longer named
            Set<String> pollsters = new HashSet<>();
            all.forEach(poll -> pollsters.add(poll.pollster));
            pollsterNames.keySet().retainAll(pollsters);
        }
        return new SeriesPolls(
                series.seriesKey,
                series.title,
                series.choices.stream().map(c -> c.key).toList(),
                List.copyOf(SeriesMapping.populationPreference(series)),
                all,
                Map.copyOf(pollsterNames),
                start.mark());
    }

    /** {@code sql} (with a {@code %s} for the polls it looks at) for the series' polls, or those of {@code only}. */
    private List<Tuple> snapshots(String sql, Series series, Set<Long> only, OffsetDateTime cutoff) {
        var query = em.createNativeQuery(sql.formatted(only == null ? OF_SERIES : OF_POLLS), Tuple.class);
        if (only == null) {
            query.setParameter("series", series.id);
        } else {
            query.setParameter("polls", only);
        }
        if (cutoff != null) {
            query.setParameter("cutoff", cutoff);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows;
    }

    /**
     * Realtime input: a version recorded before a revision on day R held until R (exclusive; as-of R
     * already sees the revision), the next one from R; the current version holds until the poll's
     * retraction day, if any.
     */
    private List<PollValues> versions(Series series, Map<Long, PollValues> current, Set<Long> only) {
        if (current.isEmpty()) {
            return List.of();
        }
        List<Tuple> snapshots = snapshots(ALL_SNAPSHOTS, series, only, null);
        Map<Long, List<Tuple>> byPoll = new HashMap<>();
        for (Tuple row : snapshots) {
            byPoll.computeIfAbsent(row.get("poll_id", Number.class).longValue(), k -> new ArrayList<>())
                    .add(row);
        }
        ChoiceMaps maps = byPoll.isEmpty() ? null : choiceMaps(series);
        List<PollValues> versions = new ArrayList<>(current.size());
        for (PollValues poll : current.values()) {
            LocalDate validFrom = null;
            for (Tuple row : byPoll.getOrDefault(poll.id, List.of())) {
                LocalDate recordedOn = recordedOn(row.get("recorded_at"));
                PollValues then = poll.copy();
                then.retracted = false;
                applySnapshot(then, row.get("snapshot", String.class), maps);
                then.validFrom = validFrom;
                then.until = recordedOn;
                versions.add(then);
                validFrom = recordedOn;
            }
            PollValues now = poll.copy();
            now.retracted = false;
            now.validFrom = validFrom;
            now.until = poll.retractedOn;
            versions.add(now);
        }
        return versions;
    }

    private static LocalDate recordedOn(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        throw new IllegalStateException("Unexpected recorded_at type " + value.getClass());
    }

    /** The series' option-to-choice maps per question, and its choice keys. */
    private record ChoiceMaps(Map<Long, Map<String, String>> byQuestion, Set<String> choiceKeys) {}

    private ChoiceMaps choiceMaps(Series series) {
        Map<Long, Map<String, String>> choiceMaps = new HashMap<>();
        List<Tuple> maps = em.createNativeQuery(CHOICE_MAPS, Tuple.class)
                .setParameter("series", series.id)
                .getResultList();
        for (Tuple row : maps) {
            choiceMaps.put(
                    row.get("question_id", Number.class).longValue(),
                    SeriesMapping.parse(row.get("choice_map", String.class)));
        }
        return new ChoiceMaps(
                choiceMaps,
                new HashSet<>(series.choices.stream().map(c -> c.key).toList()));
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
        if (then.disclosure() != null) {
            poll.disclosureItems = DisclosureItem.bits(then.disclosure().disclosed());
        }
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

    /**
     * A synthetic series of {@code polls} polls, read as {@link #load} reads a series' polls (the same
     * driver calls and row loop) but from {@link #SYNTHETIC_OBSERVATIONS}, which reads no table: the
     * startup warm-up's input. Its generation mark is null: it is never brought up to date.
     */
    @ReadOnlyTransaction
    public SeriesPolls synthetic(int polls) {
        Map<String, String> pollsterNames = new HashMap<>();
        Map<Long, PollValues> read = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SYNTHETIC_OBSERVATIONS)) {
                statement.setInt(1, polls);
                statement.setInt(2, polls);
                statement.setInt(3, polls);
                statement.setFetchSize(5000);
                try (ResultSet rows = statement.executeQuery()) {
                    return readObservations(rows, pollsterNames);
                }
            }
        });
        read.values().forEach(poll -> poll.shares = Map.copyOf(poll.shares));
        return new SeriesPolls(
                "warm-up",
                "Warm-up",
                List.of("approve", "disapprove"),
                SeriesMapping.DEFAULT_POPULATION_PREFERENCE,
                List.copyOf(read.values()),
                Map.copyOf(pollsterNames),
                null);
    }

    /** The polls of the series (those among {@code only}, if not null), one per poll (its first member question). */
    private Map<Long, PollValues> observations(
            long seriesId, OffsetDateTime cutoff, Set<Long> only, Map<String, String> pollsterNames) {
        // plain JDBC on the session's connection: 20,000 rows read by position without per-row type
        // resolution; dates, slugs and choices repeat across polls, so one instance of each is kept
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement(only == null ? OBSERVATIONS_OF_SERIES : OBSERVATIONS_OF_POLLS)) {
                statement.setObject(1, cutoff);
                statement.setLong(2, seriesId);
                if (only != null) {
                    statement.setArray(3, connection.createArrayOf("bigint", only.toArray()));
                }
                statement.setFetchSize(5000);
                try (ResultSet rows = statement.executeQuery()) {
                    return readObservations(rows, pollsterNames);
                }
            }
        });
    }

    /**
     * The polls of rows shaped as {@link #OBSERVATIONS}' (by position), one per poll (its first member
     * question); a pollster's name is added to {@code pollsterNames} the first time it is seen.
     */
    private static Map<Long, PollValues> readObservations(ResultSet row, Map<String, String> pollsterNames)
            throws SQLException {
        Map<Long, PollValues> byId = new LinkedHashMap<>();
        SharedValues shared = new SharedValues();
        while (row.next()) {
            long pollId = row.getLong(1);
            long questionId = row.getLong(12);
            PollValues poll = byId.get(pollId);
            if (poll == null) {
                int sampleSize = row.getInt(7);
                Integer knownSampleSize = row.wasNull() ? null : sampleSize;
                poll = new PollValues(
                        pollId,
                        shared.of(row.getString(2)),
                        shared.of(row.getObject(4, LocalDate.class)),
                        shared.of(row.getObject(5, LocalDate.class)),
                        shared.of(row.getObject(6, LocalDate.class)),
                        knownSampleSize,
                        Population.valueOf(row.getString(8)),
                        row.getBoolean(9),
                        row.getBoolean(11),
                        questionId);
                poll.disclosureItems = row.getInt(10);
                OffsetDateTime retractedAt = row.getObject(15, OffsetDateTime.class);
                poll.retractedOn = retractedAt == null
                        ? null
                        : retractedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
                byId.put(pollId, poll);
                if (!pollsterNames.containsKey(poll.pollster)) {
                    pollsterNames.put(poll.pollster, row.getString(3));
                }
            }
            if (poll.questionId == questionId) {
                poll.shares.putIfAbsent(shared.of(row.getString(13)), row.getDouble(14));
            }
        }
        return byId;
    }

    /** Polls revised after the as-of day take the values of their earliest later snapshot: the ones they had then. */
    private void applySnapshots(Series series, OffsetDateTime cutoff, Map<Long, PollValues> polls, Set<Long> only) {
        if (polls.isEmpty()) {
            return;
        }
        List<Tuple> snapshots = snapshots(SNAPSHOTS_AFTER, series, only, cutoff);
        if (snapshots.isEmpty()) {
            return;
        }
        ChoiceMaps maps = choiceMaps(series);
        for (Tuple row : snapshots) {
            PollValues poll = polls.get(row.get("poll_id", Number.class).longValue());
            if (poll != null) {
                applySnapshot(poll, row.get("snapshot", String.class), maps);
            }
        }
    }

    /** Mutable values of one poll while observations are assembled. */
    static final class PollValues {
        final long id;
        final String pollster;
        final long questionId;
        LocalDate fieldStart;
        LocalDate fieldEnd;
        LocalDate publishedOn;
        Integer sampleSize;
        Population population;
        boolean tracking;
        /** The {@link DisclosureItem}s the poll gives, as a bit set. */
        int disclosureItems;

        boolean retracted;
        /** The day of the retraction, if any (realtime: the current version counts until then). */
        LocalDate retractedOn;
        /** Realtime versions: the first day this version held (null: from the start), and the day it was replaced. */
        LocalDate validFrom;

        LocalDate until;
        /** Mutable while the poll is assembled; {@link #load} leaves an immutable copy. */
        Map<String, Double> shares = new LinkedHashMap<>();

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
            c.disclosureItems = disclosureItems;
            c.retractedOn = retractedOn;
            c.validFrom = validFrom;
            c.until = until;
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
