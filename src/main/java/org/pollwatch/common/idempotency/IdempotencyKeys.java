package org.pollwatch.common.idempotency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The table of idempotency keys: claimed when a request starts, settled in the transaction of its
 * write, completed with its answer. The statements run outside the request's transaction (each on a
 * connection of its own, autocommit), except {@link IdempotentWrites#settle}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long a key is remembered; at least 24 hours. */
    static final Duration RETENTION = Duration.ofHours(25);

    /**
     * How long a claim without answer and without write holds the key. Past it a retry takes the key
     * over: the holder lost the database, or is so slow that its client has retried. Taking over is
     * safe however long the holder still runs, since the holder's settle and completion then find
     * another token and its write rolls back.
     */
    static final Duration LEASE = Duration.ofSeconds(15);

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final long PURGE_INTERVAL_MS = Duration.ofHours(1).toMillis();
    private static final String SELECT = "select request_hash, status, content_type, location, etag, body,"
            + " claim_token, claimed_at < now() - cast(? as interval) from idempotency_key where idempotency_key = ?";

    private final AgroalDataSource dataSource;
    private final AtomicLong lastPurge = new AtomicLong();

    public IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What is stored under a key: a complete answer ({@code status} set), a write that committed but
     * whose answer was not stored ({@code location} set), or a claim still held.
     */
    record Stored(String requestHash, Integer status, String contentType, String location, String etag, byte[] body) {

        boolean answered() {
            return status != null;
        }

        boolean written() {
            return status == null && location != null;
        }
    }

    /** The outcome of a claim: the token of the request now holding the key, or what is stored. */
    record Claim(UUID token, Stored stored) {}

    /**
     * Claims the key for a new request, or takes over a claim whose holder left it without answer or
     * write for longer than the lease.
     */
    Claim claim(String key) throws SQLException {
        purgeNowAndThen();
        UUID token = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into idempotency_key (idempotency_key, claim_token) values (?, ?) on conflict do nothing")) {
                    insert.setString(1, key);
                    insert.setObject(2, token);
                    if (insert.executeUpdate() == 1) {
                        return new Claim(token, null);
                    }
                }
                try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                    select.setString(1, LEASE.toSeconds() + " seconds");
                    select.setString(2, key);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            continue; // purged meanwhile
                        }
                        int code = row.getInt(2);
                        Integer status = row.wasNull() ? null : code;
                        Stored stored = new Stored(
                                row.getString(1),
                                status,
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getBytes(6));
                        if (stored.answered() || stored.written() || !row.getBoolean(8)) {
                            return new Claim(null, stored);
                        }
                        if (takeOver(connection, key, (UUID) row.getObject(7), token)) {
                            LOG.infof("Idempotency key %s taken over: its claim held no answer past the lease", key);
                            return new Claim(token, null);
                        }
                    }
                }
            }
            throw new SQLException("Idempotency key " + key + " changed hands three times during its claim");
        }
    }

    /**
     * The claim changes hands only if it is still the abandoned one: a holder that settled meanwhile
     * holds the row lock until its commit, after which the location no longer is null.
     */
    private static boolean takeOver(Connection connection, String key, UUID previous, UUID token) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update idempotency_key set claim_token = ?, claimed_at = now() where idempotency_key = ?"
                        + " and claim_token is not distinct from ? and status is null and location is null")) {
            update.setObject(1, token);
            update.setString(2, key);
            update.setObject(3, previous);
            return update.executeUpdate() == 1;
        }
    }

    void complete(
            String key,
            UUID token,
            String requestHash,
            int status,
            String contentType,
            String location,
            String etag,
            byte[] body)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update idempotency_key set request_hash = ?, status = ?, content_type = ?, location = ?,"
                                + " etag = ?, body = ? where idempotency_key = ? and claim_token = ?")) {
            update.setString(1, requestHash);
            update.setInt(2, status);
            update.setString(3, contentType);
            update.setString(4, location);
            update.setString(5, etag);
            update.setBytes(6, body);
            update.setString(7, key);
            update.setObject(8, token);
            update.executeUpdate();
        }
    }

    /**
     * Frees the key of a request that failed on the server's side without a committed write, so that a
     * retry runs again. If the database cannot be reached the claim stays until its lease ends.
     */
    void release(String key, UUID token) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from idempotency_key where idempotency_key = ? and claim_token = ?"
                                + " and status is null and location is null")) {
            delete.setString(1, key);
            delete.setObject(2, token);
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf(
                    "Idempotency key %s not released (%s): a retry takes it over after %d s",
                    key, e.getMessage(), LEASE.toSeconds());
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
