package org.pollwatch.common.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** The table of idempotency keys: claimed when a request starts, completed with its answer. */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long a key is remembered; at least 24 hours. */
    static final Duration RETENTION = Duration.ofHours(25);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final long PURGE_INTERVAL_MS = Duration.ofHours(1).toMillis();

    private final AgroalDataSource dataSource;
    private final AtomicLong lastPurge = new AtomicLong();

    public IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A remembered answer, or an answer still being produced ({@code status} null). */
    record Stored(String requestHash, Integer status, String contentType, String location, String etag, byte[] body) {}

    /** Claims the key for a new request: null if it was free, else what is stored under it. */
    Stored claim(String key) throws SQLException {
        purgeNowAndThen();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into idempotency_key (idempotency_key) values (?) on conflict do nothing")) {
                insert.setString(1, key);
                if (insert.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select request_hash, status, content_type, location, etag, body from idempotency_key"
                            + " where idempotency_key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return claim(key); // purged meanwhile
                    }
                    int status = row.getInt(2);
                    return new Stored(
                            row.getString(1),
                            row.wasNull() ? null : status,
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getBytes(6));
                }
            }
        }
    }

    void complete(
            String key, String requestHash, int status, String contentType, String location, String etag, byte[] body)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update idempotency_key set request_hash = ?, status = ?, content_type = ?, location = ?,"
                                + " etag = ?, body = ? where idempotency_key = ?")) {
            update.setString(1, requestHash);
            update.setInt(2, status);
            update.setString(3, contentType);
            update.setString(4, location);
            update.setString(5, etag);
            update.setBytes(6, body);
            update.setString(7, key);
            update.executeUpdate();
        }
    }

    /** Frees the key of a request that failed on the server's side, so that a retry runs again. */
    void release(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from idempotency_key where idempotency_key = ? and status is null")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Idempotency key %s not released: %s", key, e.getMessage());
        }
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < PURGE_INTERVAL_MS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from idempotency_key where created_at < now() - cast(? as interval)")) {
            delete.setString(1, RETENTION.toHours() + " hours");
            int removed = delete.executeUpdate();
            LOG.debugf("Removed %d idempotency keys older than %s", removed, RETENTION);
        } catch (SQLException e) {
            LOG.warnf("Old idempotency keys not removed: %s", e.getMessage());
        }
    }
}
