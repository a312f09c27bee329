package org.pollwatch.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.pollwatch.common.readreplica.ReadDataSource;

/**
 * A counter in the database ({@code data_generation}, one row) raised by every transaction that
 * changes polls or series, inside that transaction. Caches of derived results key their entries by
 * it, read on each request from the database the request reads: an entry computed before any
 * instance's commit is never served after it, and no message between instances has to arrive.
 */
@ApplicationScoped
public class DataGeneration {

    private final EntityManager em;
    private final ReadDataSource database;

    public DataGeneration(EntityManager em, ReadDataSource database) {
        this.em = em;
        this.database = database;
    }

    /** The generation now, read before the data it keys (so the data is at least that new). */
    public long current() {
        try (Connection connection = database.current().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select value from data_generation where id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the data generation", e);
        }
    }

    /**
     * Raises the generation in the current transaction, committed with the change; with none active
     * (a finished import), in a transaction of its own after the change.
     */
    public void raise() {
        if (QuarkusTransaction.isActive()) {
            update();
        } else {
            QuarkusTransaction.requiringNew().run(this::update);
        }
    }

    private void update() {
        em.createNativeQuery("update data_generation set value = value + 1 where id = 1")
                .executeUpdate();
    }
}
