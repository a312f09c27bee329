package org.pollwatch.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * Raises the data generation and sets it as the generation of each series named (parameter 2:
     * keys joined by commas, which keys never hold); parameter 1 true also sets it as the unscoped
     * generation, which every series' generation includes.
     */
    public static final String RAISE = """
            with raised as (
                update data_generation set value = value + 1,
                       unscoped = case when ? then value + 1 else unscoped end
                where id = 1 returning value)
            insert into series_generation (series_key, value)
            select key, raised.value from raised, unnest(string_to_array(?, ',')) as key
            on conflict (series_key) do update set value = excluded.value
            """;

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
                raise.setString(2, String.join(",", change.series()));
                raise.executeUpdate();
            }
        });
    }
}
