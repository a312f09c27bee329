package org.pollwatch.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.pollwatch.common.DataGeneration;
import org.pollwatch.common.SharedValues;
import org.pollwatch.polls.OptionResult;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;
import org.pollwatch.series.Series;
import org.pollwatch.series.SeriesPollView;

/**
 * The SQL of the series feature beyond the entities' own finders. Native rows are read by column name,
 * except the large read of {@link #memberPollsWithShares}.
 */
@ApplicationScoped
public class SeriesQueries {

    /** Members of a series joined to their polls (series_question_series_idx, then primary keys). */
    private static final String MEMBERS = " from series_question sq join question q on q.id = sq.question_id"
            + " join poll p on p.id = q.poll_id join pollster ps on ps.id = p.pollster_id where sq.series_id = :series";

    private static final String NOT_RETRACTED = " and p.status <> 'RETRACTED'";

    private static final String MEMBER_POLLS = "select p.id as poll_id, q.id as question_id, ps.slug, ps.name,"
            + " p.field_start, p.field_end, p.published_on, p.population, p.sample_size, p.tracking, p.status,"
            + " cast(sq.choice_map as text) as choice_map";

    /**
     * Every member question of a series with its poll and its mapped options' shares, newest field end
     * first: the rows of {@link #memberPolls} joined to option_result (option_result_question_idx), the
     * choice mapped in SQL as the trend does. Read by position: keep the order of the columns.
     */
    static final String MEMBER_SHARES = """
            select p.id, q.id, ps.slug, ps.name, p.field_start, p.field_end, p.published_on, p.population,
                   p.sample_size, p.tracking, p.status, sq.choice_map ->> lower(o.label) as choice, o.percentage
            from series_question sq
            join question q on q.id = sq.question_id
            join poll p on p.id = q.poll_id
            join pollster ps on ps.id = p.pollster_id
            left join option_result o on o.question_id = q.id and (sq.choice_map ->> lower(o.label)) is not null
            where sq.series_id = ?
            """;

    /** One member question of a series with its poll, as listed by GET /series/{key}/polls. */
    public record MemberPoll(
            long pollId,
            long questionId,
            String pollsterSlug,
            String pollsterName,
            LocalDate fieldStart,
            LocalDate fieldEnd,
            LocalDate publishedOn,
            Population population,
            Integer sampleSize,
            boolean tracking,
            PollStatus status,
            Map<String, String> choiceMap) {}

    private final EntityManager em;

    public SeriesQueries(EntityManager em) {
        this.em = em;
    }

    /** Number of member questions per series id. */
    public Map<Long, Long> questionCounts() {
        Map<Long, Long> counts = new HashMap<>();
        for (Tuple row : em.createQuery(
                        "select sq.series.id as series, count(sq) as questions from SeriesQuestion sq group by sq.series.id",
                        Tuple.class)
                .getResultList()) {
            counts.put(row.get("series", Long.class), row.get("questions", Long.class));
        }
        return counts;
    }

    /** Keys of the series that have member questions, the one whose polls changed last first. */
    public List<String> keysByLastChange(int limit) {
        return em.createNativeQuery("""
                        select s.key from series s
                        left join series_generation g on g.series_key = s.key
                        where exists (select 1 from series_question sq where sq.series_id = s.id)
                        order by coalesce(g.value, 0) desc, s.id desc
                        """, String.class).setMaxResults(limit).getResultList();
    }

    public long countMemberPolls(long seriesId, boolean includeRetracted) {
        return ((Number) em.createNativeQuery("select count(*)" + MEMBERS + (includeRetracted ? "" : NOT_RETRACTED))
                        .setParameter("series", seriesId)
                        .getSingleResult())
                .longValue();
    }

    /** A page of the series' member polls, newest field end first. */
    public List<MemberPoll> memberPolls(long seriesId, boolean includeRetracted, int first, int max) {
        List<Tuple> rows = em.createNativeQuery(
                        MEMBER_POLLS + MEMBERS + (includeRetracted ? "" : NOT_RETRACTED)
                                + " order by p.field_end desc, p.id desc, q.id",
                        Tuple.class)
                .setParameter("series", seriesId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        return rows.stream()
                .map(row -> new MemberPoll(
                        row.get("poll_id", Number.class).longValue(),
                        row.get("question_id", Number.class).longValue(),
                        row.get("slug", String.class),
                        row.get("name", String.class),
                        date(row.get("field_start")),
                        date(row.get("field_end")),
                        date(row.get("published_on")),
                        Population.valueOf(row.get("population", String.class)),
                        row.get("sample_size") == null
                                ? null
                                : row.get("sample_size", Number.class).intValue(),
                        row.get("tracking", Boolean.class),
                        PollStatus.valueOf(row.get("status", String.class)),
                        SeriesMapping.parse(row.get("choice_map", String.class))))
                .toList();
    }

    /** The order of {@link #memberPollsWithShares}: newest field end first, then by poll and question. */
    private static final Comparator<SeriesPollView> NEWEST_FIRST = Comparator.comparing(SeriesPollView::fieldEnd)
            .thenComparingLong(SeriesPollView::pollId)
            .reversed()
            .thenComparingLong(SeriesPollView::questionId);

    /**
     * Every member question of a series with its shares, in one statement read by position: 10,000 polls
     * in tens of milliseconds, where entities of their options and a parsed choice map per row took
     * several hundred. Dates, pollsters and choices repeat across polls, so one instance of each is kept.
     * With {@code previous} (read by this for the same series and retraction choice), only the polls
     * changed since are read again, unless the series was redefined since
     * ({@link DataGeneration#startRead}); the result is the same as a read of all.
     */
    public SeriesService.AllPolls memberPollsWithShares(
            Series series, boolean includeRetracted, SeriesService.AllPolls previous) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            DataGeneration.ReadStart start =
                    DataGeneration.startRead(connection, series.seriesKey, previous == null ? null : previous.mark());
            Set<Long> changed = start.readAgain();
            List<SeriesPollView> read = memberPollsWithShares(connection, series.id, includeRetracted, changed);
            List<SeriesPollView> polls = changed == null
                    ? read
                    : DataGeneration.withPollsReadAgain(
                            previous.polls(), SeriesPollView::pollId, changed, read, NEWEST_FIRST);
            return new SeriesService.AllPolls(List.copyOf(polls), start.mark());
        });
    }

    private static List<SeriesPollView> memberPollsWithShares(
            Connection connection, long seriesId, boolean includeRetracted, Set<Long> only) throws SQLException {
        String sql =
                MEMBER_SHARES + (includeRetracted ? "" : NOT_RETRACTED) + (only == null ? "" : " and p.id = any(?)")
                        + " order by p.field_end desc, p.id desc, q.id, o.position";
        List<SeriesPollView> polls = new ArrayList<>();
        SharedValues shared = new SharedValues();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, seriesId);
            if (only != null) {
                statement.setArray(2, connection.createArrayOf("bigint", only.toArray()));
            }
            statement.setFetchSize(5000);
            try (ResultSet row = statement.executeQuery()) {
                long questionId = -1;
                Map<String, BigDecimal> shares = null;
                while (row.next()) {
                    if (row.getLong(2) != questionId) {
                        questionId = row.getLong(2);
                        shares = new LinkedHashMap<>();
                        // read-only view of the map filled from this and the question's next rows
                        polls.add(member(row, questionId, Collections.unmodifiableMap(shares), shared));
                    }
                    String choice = row.getString(12);
                    if (choice != null) {
                        shares.putIfAbsent(shared.of(choice), row.getBigDecimal(13));
                    }
                }
            }
        }
        return polls;
    }

    private static SeriesPollView member(
            ResultSet row, long questionId, Map<String, BigDecimal> shares, SharedValues shared) throws SQLException {
        String slug = row.getString(3);
        LocalDate fieldEnd = shared.of(row.getObject(6, LocalDate.class));
        LocalDate publishedOn = shared.of(row.getObject(7, LocalDate.class));
        int sampleSize = row.getInt(9);
        Integer knownSampleSize = row.wasNull() ? null : sampleSize;
        return new SeriesPollView(
                row.getLong(1),
                questionId,
                shared.of(new PollView.PollsterRef(slug, row.getString(4))),
                shared.of(row.getObject(5, LocalDate.class)),
                fieldEnd,
                publishedOn,
                Poll.availableFrom(publishedOn, fieldEnd),
                Population.valueOf(row.getString(8)),
                knownSampleSize,
                row.getBoolean(10),
                PollStatus.valueOf(row.getString(11)),
                shares);
    }

    /** The options of these questions, in position order (option_result_question_idx). */
    public List<OptionResult> options(List<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select o from OptionResult o where o.question.id in :ids order by o.position",
                        OptionResult.class)
                .setParameter("ids", questionIds)
                .getResultList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }
}
