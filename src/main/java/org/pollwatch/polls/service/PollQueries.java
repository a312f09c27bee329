package org.pollwatch.polls.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.pollwatch.common.readreplica.ReadDataSource;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.problems.ProblemException;

/**
 * The SQL of the polls feature beyond the entities' own finders ({@code Poll.findFull},
 * {@code Question.findWithPoll}, {@code PollRevision.listForPoll}): the version lookup of conditional
 * reads and the search of GET /polls.
 */
@ApplicationScoped
public class PollQueries {

    /** Sort keys clients may use, mapped to entity paths. */
    private static final Map<String, String> SORTABLE = Map.of(
            "fieldEnd",
            "fieldEnd",
            "fieldStart",
            "fieldStart",
            "publishedOn",
            "publishedOn",
            "sampleSize",
            "sampleSize",
            "createdAt",
            "createdAt",
            "id",
            "id");

    /** The primary key of poll. */
    private static final String VERSION = "select version from poll where id = ?";

    /** The database this request reads: replica or primary. */
    private final ReadDataSource database;

    public PollQueries(ReadDataSource database) {
        this.database = database;
    }

    /**
     * The current version of the poll; 404 problem when there is no such poll. One statement in
     * auto-commit on a pooled connection: no transaction and no persistence context to set up for it.
     */
    public int version(long id) {
        try (Connection connection = database.current().getConnection();
                PreparedStatement select = connection.prepareStatement(VERSION)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("No poll with id " + id);
                }
                return row.getInt("version");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the version of poll " + id, e);
        }
    }

    /** Recomputes the poll's full-text search vector from its stored rows (V13__poll_search_and_changes.sql). */
    static final String REFRESH_SEARCH_DOCUMENT =
            "update poll set search_document = poll_search_document(id) where id = :id";

    /** After a write of the poll, in the writing transaction (flushes the session first). */
    void refreshSearchDocument(long pollId) {
        Poll.getEntityManager()
                .createNativeQuery(REFRESH_SEARCH_DOCUMENT)
                .setParameter("id", pollId)
                .executeUpdate();
    }

    /**
     * Polls changed after the cursor, in the order their transactions wrote them, leaving out the
     * changes of transactions that may still commit (from the snapshot's xmin on): poll_change_idx.
     */
    static final String CHANGES_AFTER = """
            from poll p
            where (p.change_xid, p.id) > (cast(cast(:transaction as text) as xid8), :poll)
              and p.change_xid < pg_snapshot_xmin(pg_current_snapshot())
              and p.updated_at >= :since
              and (:pollster < 0 or p.pollster_id = :pollster)
            """;

    /** One page of changes after the cursor: poll ids with their cursors, in change order. */
    List<PollChangeCursor> changesAfter(PollChangeCursor after, OffsetDateTime since, long pollsterId, int limit) {
        List<?> rows = changesQuery(
                        "select p.id, cast(cast(p.change_xid as text) as bigint) ",
                        "order by p.change_xid, p.id limit :limit",
                        after,
                        since,
                        pollsterId)
                .setParameter("limit", limit)
                .getResultList();
        List<PollChangeCursor> page = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            page.add(new PollChangeCursor(((Number) columns[1]).longValue(), ((Number) columns[0]).longValue()));
        }
        return page;
    }

    /** How many changes there are after the cursor. */
    long countChangesAfter(PollChangeCursor after, OffsetDateTime since, long pollsterId) {
        return ((Number) changesQuery("select count(*) ", "", after, since, pollsterId)
                        .getSingleResult())
                .longValue();
    }

    private static Query changesQuery(
            String select, String tail, PollChangeCursor after, OffsetDateTime since, long pollsterId) {
        return Poll.getEntityManager()
                .createNativeQuery(select + CHANGES_AFTER + tail)
                .setParameter("transaction", after.transaction())
                .setParameter("poll", after.pollId())
                .setParameter("since", since)
                .setParameter("pollster", pollsterId);
    }

    /** The options of the questions, for the CSV of a page of polls: option_result_question_idx. */
    static final String OPTIONS_OF_QUESTIONS = """
            select o.question.id, o.position, o.label, o.percentage from OptionResult o
            where o.question.id in :questions order by o.question.id, o.position
            """;

    /** Options by question id, in position order, in the caller's transaction. */
    Map<Long, List<PollCsv.Option>> optionsOf(List<Long> questionIds) {
        Map<Long, List<PollCsv.Option>> options = new HashMap<>();
        if (questionIds.isEmpty()) {
            return options;
        }
        for (Tuple row : Poll.getEntityManager()
                .createQuery(OPTIONS_OF_QUESTIONS, Tuple.class)
                .setParameter("questions", questionIds)
                .getResultList()) {
            options.computeIfAbsent(row.get(0, Long.class), id -> new ArrayList<>())
                    .add(new PollCsv.Option(
                            row.get(1, Integer.class), row.get(2, String.class), row.get(3, BigDecimal.class)));
        }
        return options;
    }

    /** The polls matching the query, sorted, as a query to page (in the caller's transaction). */
    PanacheQuery<Poll> search(PollQuery query, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.pollster() != null) {
            // the pollster's id as a constant, not a join: PostgreSQL then reads the pollster's polls in page
            // order from poll_pollster_field_end_id_idx and stops after one page (V5__performance_indexes.sql)
            where.append(" and p.pollster.id = (select s.id from Pollster s where s.slug = :pollster)");
            params.put("pollster", query.pollster());
        }
        if (query.from() != null) {
            where.append(" and p.fieldEnd >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and p.fieldStart <= :to");
            params.put("to", query.to());
        }
        if (query.population() != null) {
            where.append(" and p.population = :population");
            params.put("population", query.population());
        }
        if (query.country() != null) {
            where.append(" and p.country = :country");
            params.put("country", query.country().toUpperCase(Locale.ROOT));
        }
        if (!query.includeRetracted()) {
            where.append(" and p.status <> :retracted");
            params.put("retracted", PollStatus.RETRACTED);
        }
        if (query.topic() != null) {
            // question_topics_idx (GIN)
            where.append(
                    " and exists (select 1 from Question q where q.poll = p and array_contains(q.topics, :topic))");
            params.put("topic", query.topic().trim().toLowerCase(Locale.ROOT));
        }
        boolean ranked = false;
        if (query.text() != null && !query.text().isBlank()) {
            // poll_search_document_idx (GIN, V13__poll_search_and_changes.sql); websearch syntax: "a phrase", or, -not
            where.append(
                    " and cast(sql('? @@ websearch_to_tsquery(''english'', ?)', column(p.search_document), :text) as Boolean)"
                            + " = true");
            params.put("text", query.text().trim());
            ranked = query.sort() == null || query.sort().isBlank();
        }
        String hql = "from Poll p where " + where;
        if (ranked) {
            // best match first (ts_rank weighs wording and topics over options over names), then newest
            return Poll.<Poll>find(
                            hql + " order by sql('ts_rank(?, websearch_to_tsquery(''english'', ?))',"
                                    + " column(p.search_document), :text) desc, p.fieldEnd desc, p.id desc",
                            params)
                    .page(Page.of(query.page(), size));
        }
        return Poll.<Poll>find(hql, sort(query.sort()), params).page(Page.of(query.page(), size));
    }

    /**
     * How many of the pollster's polls, retracted ones left out, give each set of disclosure items:
     * reads the pollster's polls from poll_pollster_field_end_idx.
     */
    static final String DISCLOSURE_OF_POLLSTER = """
            select p.disclosureItems as items, count(p) as polls from Poll p
            where p.pollster.id = :pollster and p.status <> :retracted
            group by p.disclosureItems
            """;

    /** Polls per set of disclosure items (bit sets of DisclosureItem), in the caller's transaction. */
    Map<Integer, Long> disclosureOf(long pollsterId) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Tuple row : Poll.getEntityManager()
                .createQuery(DISCLOSURE_OF_POLLSTER, Tuple.class)
                .setParameter("pollster", pollsterId)
                .setParameter("retracted", PollStatus.RETRACTED)
                .getResultList()) {
            counts.put(row.get("items", Integer.class), row.get("polls", Long.class));
        }
        return counts;
    }

    private static Sort sort(String sort) {
        String key = sort == null || sort.isBlank() ? "-fieldEnd" : sort.trim();
        boolean descending = key.startsWith("-");
        String field = SORTABLE.get(descending ? key.substring(1) : key);
        if (field == null) {
            throw ProblemException.invalidField(
                    "sort",
                    "must be one of " + SORTABLE.keySet().stream().sorted().toList()
                            + ", optionally prefixed by '-' for descending");
        }
        Sort order = descending ? Sort.descending(field) : Sort.ascending(field);
        return order.and("id", descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
    }
}
