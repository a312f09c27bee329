package org.pollwatch.common.access;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The append-only audit log ({@code audit_event}): one row per write, inserted in the write's own
 * transaction (the connection joins it), so a write is never stored without its row nor the other
 * way round. The database refuses updates and deletes of the table.
 */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource database;
    private final CurrentVertxRequest request;

    public AuditLog(AgroalDataSource database, CurrentVertxRequest request) {
        this.database = database;
        this.request = request;
    }

    /** The id of the current request (null outside one), to pass to writes running on other threads. */
    public String requestId() {
        ManagedContext context = Arc.container().requestContext();
        return context.isActive() ? RequestIds.of(request.getCurrent()) : null;
    }

    /** Records a write of the current request; must run inside the write's transaction. */
    public void record(Actor actor, String action, Long pollId, String subject, String reason) {
        record(actor, requestId(), action, pollId, subject, reason);
    }

    /** Records a write; must run inside the write's transaction. */
    public void record(Actor actor, String requestId, String action, Long pollId, String subject, String reason) {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("An audit row is written in the transaction of its write");
        }
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into audit_event (actor_key_id, actor, action, poll_id, subject, request_id, reason)"
                                + " values (?, ?, ?, ?, ?, ?, ?)")) {
            if (actor.keyId() == null) {
                insert.setNull(1, Types.BIGINT);
            } else {
                insert.setLong(1, actor.keyId());
            }
            insert.setString(2, actor.label());
            insert.setString(3, action);
            if (pollId == null) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, pollId);
            }
            insert.setString(5, truncate(subject, 300));
            insert.setString(6, requestId);
            insert.setString(7, truncate(reason, 1000));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the audit log", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
