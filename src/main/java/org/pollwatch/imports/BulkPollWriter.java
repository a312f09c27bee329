package org.pollwatch.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.pollwatch.polls.Population;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Stores imported single-question polls, each joined to a series, set by set: the rows go to a
 * temporary table in one {@code COPY}, then one {@code INSERT ... SELECT} per table writes them all.
 * Row-by-row inserts cost a round trip and an executor start per row; here PostgreSQL does the work
 * in five statements, whatever the number of rows. Must run inside the caller's transaction.
 */
@ApplicationScoped
public class BulkPollWriter {

    /** One poll to store: its own fields, its one question and its options, with the series choice map. */
    public record StagedPoll(
            String externalRef,
            String pollsterSlug,
            String pollsterName,
            String sponsor,
            LocalDate fieldStart,
            LocalDate fieldEnd,
            Population population,
            String country,
            Integer sampleSize,
            boolean tracking,
            String sourceUrl,
            String notes,
            String wording,
            List<String> optionLabels,
            List<BigDecimal> percentages,
            String choiceMapJson) {}

    /** What one call stored: new polls, rows skipped as already stored, and the pollsters it looked up or created (slug to id). */
    public record Written(int stored, int duplicates, Map<String, Long> pollsters) {}

    private static final String STAGING = """
            create temp table if not exists import_poll (
                poll_id bigint, question_id bigint, external_ref varchar(100), pollster_id bigint,
                sponsor varchar(200), field_start date, field_end date, population varchar(30), country varchar(2),
                sample_size integer, tracking boolean, source_url varchar(1000), notes varchar(2000),
                wording varchar(2000), option_ids bigint[], labels varchar(300)[], percentages numeric(4, 1)[],
                choice_map jsonb
            ) on commit delete rows""";

    /** Rows already stored (by external reference) leave the staging table: they are the duplicates. */
    private static final String DROP_STORED =
            "delete from import_poll r using poll p where p.external_ref = r.external_ref";

    private static final String[] INSERTS = {
        """
        insert into poll (id, pollster_id, sponsor, field_start, field_end, population, country, sample_size,
                          tracking, source_url, notes, external_ref, search_document)
        select r.poll_id, r.pollster_id, r.sponsor, r.field_start, r.field_end, r.population, r.country,
               r.sample_size, r.tracking, r.source_url, r.notes, r.external_ref,
               poll_search_vector(r.wording, array_to_string(r.labels, ' '), concat_ws(' ', s.name, r.sponsor))
        from import_poll r join pollster s on s.id = r.pollster_id""",
        "insert into question (id, poll_id, position, wording) select question_id, poll_id, 1, wording from import_poll",
        """
        insert into option_result (id, question_id, position, label, percentage)
        select o.id, r.question_id, o.position, o.label, o.percentage
        from import_poll r cross join lateral unnest(r.option_ids, r.labels, r.percentages)
             with ordinality as o (id, label, percentage, position)""",
    };

    private static final String JOIN_SERIES =
            "insert into series_question (question_id, series_id, choice_map) select question_id, ?, choice_map from import_poll";

    private static final Logger LOG = Logger.getLogger(BulkPollWriter.class);

    private final DataSource dataSource;

    public BulkPollWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the polls not stored before (by external reference) and joins their questions to the
     * series. {@code knownPollsters} (slug to id) spares look-ups; pollsters missing from the database
     * are created.
     */
    public Written write(long seriesId, List<StagedPoll> polls, Map<String, Long> knownPollsters) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> pollsters = new HashMap<>(knownPollsters);
            Map<String, Long> resolved = createPollsters(connection, polls, pollsters);
            long[] pollIds = takeIds(connection, "poll_seq", polls.size());
            long[] questionIds = takeIds(connection, "question_seq", polls.size());
            long[] optionIds = takeIds(
                    connection,
                    "option_result_seq",
                    polls.stream().mapToInt(p -> p.optionLabels().size()).sum());
            try (Statement statement = connection.createStatement()) {
                statement.execute(STAGING);
            }
            copy(connection.unwrap(PGConnection.class), polls, pollIds, questionIds, optionIds, pollsters);
            int duplicates;
            try (Statement statement = connection.createStatement()) {
                duplicates = statement.executeUpdate(DROP_STORED);
                for (String insert : INSERTS) {
                    statement.executeUpdate(insert);
                }
            }
            try (PreparedStatement join = connection.prepareStatement(JOIN_SERIES)) {
                join.setLong(1, seriesId);
                join.executeUpdate();
            }
            return new Written(polls.size() - duplicates, duplicates, resolved);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store imported polls: " + e.getMessage(), e);
        }
    }

    /** Streams the rows into the staging table, encoding as it goes (no chunk-sized buffer). */
    private static void copy(
            PGConnection connection,
            List<StagedPoll> polls,
            long[] pollIds,
            long[] questionIds,
            long[] optionIds,
            Map<String, Long> pollsters)
            throws SQLException {
        PGCopyOutputStream stream = new PGCopyOutputStream(connection, "copy import_poll from stdin", 1 << 16);
        try {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CopyText rows = new CopyText(out);
            int option = 0;
            for (int i = 0; i < polls.size(); i++) {
                StagedPoll poll = polls.get(i);
                List<Long> ids = new ArrayList<>(poll.optionLabels().size());
                for (int j = 0; j < poll.optionLabels().size(); j++) {
                    ids.add(optionIds[option++]);
                }
                rows.column(pollIds[i])
                        .column(questionIds[i])
                        .column(poll.externalRef())
                        .column(pollsters.get(poll.pollsterSlug()))
                        .column(poll.sponsor())
                        .column(poll.fieldStart())
                        .column(poll.fieldEnd())
                        .column(poll.population().name())
                        .column(poll.country())
                        .column(poll.sampleSize())
                        .column(poll.tracking())
                        .column(poll.sourceUrl())
                        .column(poll.notes())
                        .column(poll.wording())
                        .arrayColumn(ids)
                        .arrayColumn(poll.optionLabels())
                        .arrayColumn(poll.percentages())
                        .column(poll.choiceMapJson())
                        .endRow();
            }
            out.flush();
            stream.endCopy();
        } catch (IOException | UncheckedIOException e) {
            throw new SQLException("COPY into the staging table failed: " + e.getMessage(), e);
        } finally {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
        }
    }

    /**
     * Refreshes the planner statistics of the tables an import fills. Where autovacuum is off or has
     * not caught up, foreign-key checks keep plans made when the tables were small (sequential scans)
     * and slow down as the tables grow. Best effort: a failure is logged, not raised.
     */
    public void refreshStatistics() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("analyze pollster, poll, question, option_result, series_question");
        } catch (SQLException e) {
            LOG.debugf("Could not refresh planner statistics: %s", e.getMessage());
        }
    }

    /** Inserts the pollsters not yet in {@code ids} (a race with another import is settled by the slug's uniqueness). */
    private static Map<String, Long> createPollsters(
            Connection connection, List<StagedPoll> polls, Map<String, Long> ids) throws SQLException {
        // in slug order: imports creating the same pollsters at once then lock them in the same order
        Map<String, String> missing = new TreeMap<>();
        for (StagedPoll poll : polls) {
            if (!ids.containsKey(poll.pollsterSlug())) {
                missing.putIfAbsent(poll.pollsterSlug(), poll.pollsterName());
            }
        }
        Map<String, Long> created = new HashMap<>();
        if (missing.isEmpty()) {
            return created;
        }
        Array slugs = connection.createArrayOf("text", missing.keySet().toArray());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into pollster (id, slug, name)
                select nextval('pollster_seq'), slug, name from unnest(?::text[], ?::text[]) as t (slug, name) order by slug
                on conflict (slug) do nothing""");
                PreparedStatement select =
                        connection.prepareStatement("select slug, id from pollster where slug = any(?)")) {
            insert.setArray(1, slugs);
            insert.setArray(2, connection.createArrayOf("text", missing.values().toArray()));
            insert.executeUpdate();
            select.setArray(1, slugs);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    created.put(result.getString(1), result.getLong(2));
                }
            }
        }
        ids.putAll(created);
        return created;
    }

    /** {@code count} fresh ids of {@code sequence}, drawn a block of {@link IdBlocks#BLOCK} at a time. */
    private static long[] takeIds(Connection connection, String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        int filled = 0;
        try (PreparedStatement next =
                connection.prepareStatement("select nextval('" + sequence + "') from generate_series(1, ?)")) {
            while (filled < count) {
                next.setInt(1, (count - filled + IdBlocks.BLOCK - 1) / IdBlocks.BLOCK);
                try (ResultSet values = next.executeQuery()) {
                    while (values.next() && filled < count) {
                        filled = IdBlocks.fill(ids, filled, values.getLong(1));
                    }
                }
            }
        }
        return ids;
    }
}
