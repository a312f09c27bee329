package org.pollwatch.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.hibernate.Session;
import org.pollwatch.common.readreplica.ReadDataSource;

/**
 * Counters in the database raised by every transaction that changes polls or series, inside that
 * transaction: the data generation ({@code data_generation}, one row) and, per series, the data
 * generation its last change raised ({@code series_generation}). Caches of a series' derived results
 * key their entries by {@link #ofSeries}, read on each request from the database the request reads:
 * an entry computed before any instance's commit to that series is never served after it, and no
 * message between instances has to arrive. A write to one series leaves the others' entries valid.
 */
@ApplicationScoped
public class DataGeneration {

    /**
     * Raises the data generation and sets it as the generation of each series named (parameter 3:
     * keys joined by commas, which keys never hold); parameter 1 true also sets it as the unscoped
     * generation, which every series' generation includes; parameter 2 true also sets it as the
     * generation at which the series named were redefined.
     */
    public static final String RAISE = """
            with raised as (
                update data_generation set value = value + 1,
                       unscoped = case when ? then value + 1 else unscoped end
                where id = 1 returning value)
            insert into series_generation (series_key, value, redefined)
            select key, raised.value, case when ? then raised.value else 0 end
            from raised, unnest(string_to_array(?, ',')) as key
            on conflict (series_key) do update
                set value = excluded.value, redefined = greatest(series_generation.redefined, excluded.redefined)
            """;

    /**
     * Where a read of a series' polls starts, read before its data: the series' generation, and the
     * oldest transaction still running (pg_snapshot_xmin), so every change the read does not see was
     * made by that transaction or a later one.
     */
    private static final String MARK = """
            select greatest(d.unscoped, coalesce(
                       (select s.value from series_generation s where s.series_key = ?), 0)),
                   cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)
            from data_generation d where d.id = 1
            """;

    /**
     * Since a mark: whether the series was redefined (or a change not scoped to series committed),
     * and the polls written by transactions from its oldest running one on (poll_change_idx), one
     * more than {@link #MAX_CHANGED_POLLS} at most.
     */
    private static final String CHANGED_SINCE = """
            select greatest(d.unscoped, coalesce(
                       (select s.redefined from series_generation s where s.series_key = ?), 0)) > ?,
                   array(select p.id from poll p where p.change_xid >= cast(cast(? as text) as xid8)
                         order by p.change_xid limit ?)
            from data_generation d where d.id = 1
            """;

    /** Beyond this many polls changed since a read, reading the whole series again is as quick. */
    static final int MAX_CHANGED_POLLS = 1000;

    private static final String OF_SERIES = """
            select greatest(d.unscoped, coalesce(
                (select s.value from series_generation s where s.series_key = ?), 0))
            from data_generation d where d.id = 1
            """;

    private static final String OF_ALL = "select value from data_generation where id = 1";

    private final EntityManager em;
    private final ReadDataSource database;

    public DataGeneration(EntityManager em, ReadDataSource database) {
        this.em = em;
        this.database = database;
    }

    /**
     * The generation of series {@code key} now, read before the data it keys (so the data is at least
     * that new): raised by every change of the series and by every change not scoped to series.
     */
    public long ofSeries(String key) {
        return read(OF_SERIES, key);
    }

    /** The data generation now, raised by every change of polls or series, whatever it names. */
    public long ofAll() {
        return read(OF_ALL, null);
    }

    private long read(String sql, String key) {
        try (Connection connection = database.current().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (key != null) {
                select.setString(1, key);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data generation", e);
        }
    }

    /**
     * Raises the generations {@code change} touches in the current transaction, committed with the
     * change; with none active (a finished import), in a transaction of its own after the change.
     */
    public void raise(DataChanged change) {
        if (QuarkusTransaction.isActive()) {
            update(change);
        } else {
            QuarkusTransaction.requiringNew().run(() -> update(change));
        }
    }

    private void update(DataChanged change) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
                raise.setBoolean(1, change.unscoped());
                raise.setBoolean(2, change.redefinesSeries());
                raise.setString(3, String.join(",", change.series()));
                raise.executeUpdate();
            }
        });
    }

    /**
     * Starts a read of series {@code key}'s polls on {@code connection}, first in the read's transaction
     * (so the read sees at least what its mark says): where it starts, and which polls it must read to
     * bring up to date the read that started at {@code since} ({@link #pollsToReadAgain}).
     */
    public static ReadStart startRead(Connection connection, String key, ReadMark since) throws SQLException {
        ReadMark mark = mark(connection, key);
        return new ReadStart(mark, pollsToReadAgain(connection, key, since));
    }

    /**
     * How a read of a series' polls starts.
     *
     * @param mark where it starts, for the next read to be brought up to date from
     * @param readAgain the polls to read, their earlier versions replaced ({@link #withPollsReadAgain});
     *     null when every poll of the series is to be read
     */
    public record ReadStart(ReadMark mark, Set<Long> readAgain) {}

    private static ReadMark mark(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(MARK)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new ReadMark(row.getLong(1), row.getLong(2));
            }
        }
    }

    /**
     * The polls to read again to bring up to date a read of series {@code key} that started at
     * {@code since}: those whose rows changed since (written, or still being written, by a transaction
     * that read may not have seen), of any series. Null when every poll of the series is to be read: no
     * earlier read ({@code since} null), the series redefined since, or too many polls changed. A write
     * to a poll's questions or options always updates its row too, so they are covered.
     */
    private static Set<Long> pollsToReadAgain(Connection connection, String key, ReadMark since) throws SQLException {
        if (since == null) {
            return null;
        }
        try (PreparedStatement select = connection.prepareStatement(CHANGED_SINCE)) {
            select.setString(1, key);
            select.setLong(2, since.generation());
            select.setLong(3, since.oldestRunning());
            select.setInt(4, MAX_CHANGED_POLLS + 1);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Long[] ids = (Long[]) row.getArray(2).getArray();
                return row.getBoolean(1) || ids.length > MAX_CHANGED_POLLS ? null : Set.of(ids);
            }
        }
    }

    /**
     * An earlier read's items of the polls not read again ({@link #pollsToReadAgain}), and the items
     * read again, in {@code order}; the sort is stable, so the items of one poll keep their order.
     */
    public static <T> List<T> withPollsReadAgain(
            Collection<T> previous,
            ToLongFunction<T> pollId,
            Set<Long> readAgain,
            Collection<T> read,
            Comparator<? super T> order) {
        List<T> items = new ArrayList<>(previous.size() + read.size());
        for (T item : previous) {
            if (!readAgain.contains(pollId.applyAsLong(item))) {
                items.add(item);
            }
        }
        items.addAll(read);
        items.sort(order);
        return items;
    }

    /**
     * Where a read of a series' polls started.
     *
     * @param generation the series' generation before the read
     * @param oldestRunning the oldest transaction running then ({@code pg_snapshot_xmin})
     */
    public record ReadMark(long generation, long oldestRunning) {}
}
