package org.pollwatch.polls.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
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
        if (query.text() != null && !query.text().isBlank()) {
            where.append(
                    " and exists (select 1 from Question q where q.poll = p and lower(q.wording) like :text escape '\\')");
            params.put("text", "%" + likeEscape(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        return Poll.<Poll>find("from Poll p where " + where, sort(query.sort()), params)
                .page(Page.of(query.page(), size));
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

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
