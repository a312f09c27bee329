package org.pollwatch.accounts.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.pollwatch.accounts.AuditEventView;
import org.pollwatch.common.PageView;

/**
 * The SQL of authentication, on the primary database (never a replica, so that a revocation counts
 * at once everywhere): one indexed read by prefix per authenticated request, and a last-used update
 * at most once per key and {@code pollwatch.keys.last-used-interval}.
 */
@ApplicationScoped
public class AccountQueries {

    private final AgroalDataSource database;
    private final EntityManager em;

    public AccountQueries(AgroalDataSource database, EntityManager em) {
        this.database = database;
        this.em = em;
    }

    /** GET /admin/audit: newest first, optionally of one poll or one key (audit_event_occurred_idx). */
    public PageView<AuditEventView> auditPage(Long pollId, Long keyId, int page, int size) {
        String where = " where (cast(:poll as bigint) is null or poll_id = :poll)"
                + " and (cast(:key as bigint) is null or actor_key_id = :key)";
        Number total = (Number) em.createNativeQuery("select count(*) from audit_event" + where)
                .setParameter("poll", pollId)
                .setParameter("key", keyId)
                .getSingleResult();
        List<Tuple> rows = em.createNativeQuery(
                        "select id, occurred_at, actor_key_id, actor, action, poll_id, subject, request_id, reason"
                                + " from audit_event" + where + " order by occurred_at desc, id desc",
                        Tuple.class)
                .setParameter("poll", pollId)
                .setParameter("key", keyId)
                .setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .setMaxResults(size)
                .getResultList();
        List<AuditEventView> events = rows.stream()
                .map(row -> new AuditEventView(
                        row.get("id", Number.class).longValue(),
                        time(row.get("occurred_at")),
                        longOrNull(row.get("actor_key_id", Number.class)),
                        row.get("actor", String.class),
                        row.get("action", String.class),
                        longOrNull(row.get("poll_id", Number.class)),
                        row.get("subject", String.class),
                        row.get("request_id", String.class),
                        row.get("reason", String.class)))
                .toList();
        return PageView.of(events, page, size, total.longValue());
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }

    private static Long longOrNull(Number value) {
        return value == null ? null : value.longValue();
    }

    /** A key's row as authentication needs it, with the database's clock. */
    public record StoredKey(
            long id,
            String prefix,
            String secretHash,
            String role,
            Long pollsterId,
            Set<String> scopes,
            OffsetDateTime expiresAt,
            OffsetDateTime revokedAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime now) {}

    public StoredKey byPrefix(String prefix) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id, secret_hash, role, pollster_id, scopes, expires_at, revoked_at, last_used_at, now()"
                                + " from api_key where prefix = ?")) {
            select.setString(1, prefix);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Array scopes = row.getArray(5);
                long pollster = row.getLong(4);
                return new StoredKey(
                        row.getLong(1),
                        prefix,
                        row.getString(2),
                        row.getString(3),
                        row.wasNull() ? null : pollster,
                        Set.of((String[]) scopes.getArray()),
                        row.getObject(6, OffsetDateTime.class),
                        row.getObject(7, OffsetDateTime.class),
                        row.getObject(8, OffsetDateTime.class),
                        row.getObject(9, OffsetDateTime.class));
            }
        }
    }

    /** Sets last_used_at unless another request (on any instance) did within the interval. */
    public void touch(long id, long intervalSeconds) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update api_key set last_used_at = now()"
                                + " where id = ? and (last_used_at is null or last_used_at < now() - make_interval(secs => ?))")) {
            update.setLong(1, id);
            update.setLong(2, intervalSeconds);
            update.executeUpdate();
        }
    }
}
