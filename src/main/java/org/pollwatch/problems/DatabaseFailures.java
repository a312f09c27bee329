package org.pollwatch.problems;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.transaction.xa.XAException;
import org.jboss.logging.Logger;

/**
 * Failures that come from the database rather than from a bug: lost races (unique keys, foreign
 * keys, serialization failures) become 409, values the database refuses become 400, and an
 * unreachable database becomes 503 with {@code Retry-After}. A write that loses its connection may
 * or may not have been committed: its 503 says so with {@link #OUTCOME_UNKNOWN}, which a client
 * retries safely with the same {@code Idempotency-Key}.
 */
public final class DatabaseFailures {

    /** Problem type of a 503 while the database cannot be reached. */
    public static final String UNAVAILABLE = "urn:pollwatch:problem:database-unavailable";

    /** Problem type of a 503 for a write whose commit may or may not have happened. */
    public static final String OUTCOME_UNKNOWN = "urn:pollwatch:problem:write-outcome-unknown";

    /** Problem type of a 409 lost race: retrying after reading again is safe. */
    public static final String CONFLICT = "urn:pollwatch:problem:concurrent-change";

    /** Seconds a client should wait before retrying during an outage. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private DatabaseFailures() {}

    /**
     * The problem answer for a database failure anywhere among the causes, or null when it is not
     * one. Suppressed exceptions count too: a commit cut by the database going away reaches here as
     * a {@code RollbackException} whose database errors are only suppressed {@code XAException}s.
     */
    public static Response problem(Throwable failure, String instance, String method) {
        boolean unavailable = false;
        for (Throwable t : causes(failure)) {
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException")
                    || name.endsWith("CannotAcquireLockException")
                    || t instanceof java.net.ConnectException
                    || t instanceof java.io.EOFException
                    || t instanceof java.net.SocketException
                    || (t instanceof XAException xa
                            && (xa.errorCode == XAException.XAER_RMFAIL
                                    || xa.errorCode == XAException.XA_RBCOMMFAIL))) {
                unavailable = true;
            }
            if (t instanceof SQLException sql) {
                Response response = fromSql(sql, instance, method);
                if (response != null) {
                    return response;
                }
            }
        }
        return unavailable ? unavailable(instance, method, failure) : null;
    }

    /** The failure, its causes, then their suppressed exceptions (with theirs), each once. */
    static List<Throwable> causes(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> chains = new ArrayDeque<>();
        if (failure != null) {
            chains.add(failure);
        }
        while (!chains.isEmpty() && found.size() < 64) {
            List<Throwable> chain = new ArrayList<>();
            for (Throwable t = chains.removeFirst(); t != null && seen.add(t); t = t.getCause()) {
                chain.add(t);
            }
            found.addAll(chain);
            for (Throwable t : chain) {
                chains.addAll(List.of(t.getSuppressed()));
            }
        }
        return found;
    }

    private static Response fromSql(SQLException sql, String instance, String method) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
        if (state.equals("23505") || state.equals("23503") || state.equals("23P01")) {
            return ProblemMappers.respond(new Problem(
                    CONFLICT,
                    "Conflict",
                    409,
                    "Another request created or changed the same resource at the same time"
                            + constraint(sql)
                            + "; read it again and retry",
                    instance,
                    List.of()));
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return ProblemMappers.respond(new Problem(
                    CONFLICT,
                    "Conflict",
                    409,
                    "The request collided with a concurrent change; retry it",
                    instance,
                    List.of()));
        }
        if (state.startsWith("22")) {
            return ProblemMappers.respond(new Problem(
                    "about:blank",
                    "Invalid request",
                    400,
                    "A value of the request is outside what can be stored",
                    instance,
                    List.of(new FieldError("(request)", "a value is out of range or not valid text"))));
        }
        if (state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P")
                || message.contains("acquisition timeout")
                || message.contains("connection has been closed")
                || message.contains("this connection has been closed")
                || message.contains("connection attempt failed")
                || message.contains("i/o error")) {
            return unavailable(instance, method, sql);
        }
        return null;
    }

    private static String constraint(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException p
                && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getConstraint() != null) {
            return " (" + p.getServerErrorMessage().getConstraint() + ")";
        }
        return "";
    }

    private static Response unavailable(String instance, String method, Throwable cause) {
        boolean write = method != null && WRITES.contains(method.toUpperCase(Locale.ROOT));
        LOG.warnf("Database unavailable on %s %s: %s", method, instance, cause.toString());
        Problem problem = write
                ? new Problem(
                        OUTCOME_UNKNOWN,
                        "Database unavailable; outcome unknown",
                        503,
                        "The database could not be reached; the change may or may not have been stored. "
                                + "Retry with the same Idempotency-Key to learn its outcome without storing it twice",
                        instance,
                        List.of())
                : new Problem(
                        UNAVAILABLE,
                        "Database unavailable",
                        503,
                        "The database cannot be reached at the moment; retry later",
                        instance,
                        List.of());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem)
                .build();
    }
}
