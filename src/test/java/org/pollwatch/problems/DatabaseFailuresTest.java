package org.pollwatch.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.transaction.xa.XAException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * A commit cut by the database going away is a 503 write-outcome-unknown, whichever wrapper carries
 * it: the failure is taken from a real transaction whose backend is terminated before its commit.
 */
@QuarkusTest
class DatabaseFailuresTest {

    @Inject
    CutCommit cut;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aCommitWhoseBackendIsTerminatedIsWriteOutcomeUnknown() {
        RuntimeException failure =
                assertThrows(RuntimeException.class, () -> cut.writeThenLoseTheBackend(this::terminate));
        assertOutcomeUnknown(failure);
    }

    @Test
    void theLoggedChainWithItsDatabaseErrorsOnlySuppressedIsWriteOutcomeUnknown() {
        // as logged by bench/faults.sh on a pg_ctl restart -m fast: the commit's own errors hang off
        // the RollbackException as suppressed XAExceptions
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException commit = new XAException(XAException.XA_RBROLLBACK);
        commit.initCause(new PSQLException(
                new ServerErrorMessage("SFATAL\0C57P01\0Mterminating connection due to administrator command\0")));
        rollback.addSuppressed(commit);
        XAException cleanup = new XAException(XAException.XAER_RMERR);
        cleanup.initCause(new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST));
        rollback.addSuppressed(cleanup);
        assertOutcomeUnknown(new ArcUndeclaredThrowableException(rollback));
        assertOutcomeUnknown(rollback);
    }

    @Test
    void connectionStatesAndMessagesAreUnavailable() {
        for (SQLException e : new SQLException[] {
            new SQLException("reset", "08006"),
            new SQLException("admin shutdown", "57P01"),
            new SQLException("This connection has been closed.", (String) null)
        }) {
            assertOutcomeUnknown(new IllegalStateException("wrapped", e));
            Response read = DatabaseFailures.problem(e, "/polls", "GET");
            assertNotNull(read, e.getMessage());
            assertEquals(DatabaseFailures.UNAVAILABLE, ((Problem) read.getEntity()).type());
        }
    }

    private static void assertOutcomeUnknown(Throwable failure) {
        Response response = DatabaseFailures.problem(failure, "/polls", "POST");
        assertNotNull(response, () -> "not classified: " + trace(failure));
        assertEquals(503, response.getStatus());
        assertEquals(DatabaseFailures.OUTCOME_UNKNOWN, ((Problem) response.getEntity()).type(), () -> trace(failure));
    }

    private static String trace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Terminates the backend and waits until it is gone. */
    private void terminate(int pid) {
        try (Connection admin = DriverManager.getConnection(url, user, password);
                PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?)");
                PreparedStatement alive =
                        admin.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
            kill.setInt(1, pid);
            kill.execute();
            alive.setInt(1, pid);
            for (int i = 0; i < 100; i++) {
                try (ResultSet row = alive.executeQuery()) {
                    row.next();
                    if (row.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("backend " + pid + " still there");
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transaction that writes, then loses its backend before it commits. */
    @ApplicationScoped
    static class CutCommit {

        @Inject
        AgroalDataSource dataSource;

        @Transactional
        void writeThenLoseTheBackend(java.util.function.IntConsumer terminate) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate(
                        "insert into idempotency_key (idempotency_key) values ('cut-" + UUID.randomUUID() + "')");
                try (ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
                    pid.next();
                    terminate.accept(pid.getInt(1));
                }
            }
        }
    }
}
