package org.pollwatch.common.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.testsupport.TestPolls;

/**
 * What a retry learns after the first request lost the database: its claim is taken over after the
 * lease, a write that committed sends the retry to it (303), and a holder whose claim was taken over
 * stores nothing. The states an outage leaves are written into the key table as the outage would.
 */
@QuarkusTest
class IdempotencyOutcomesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotentWrites writes;

    @Test
    void aClaimItsHolderCouldNotFreeIsTakenOverAfterTheLease() throws SQLException {
        String pollster = TestPolls.newPollster();
        String body = TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36);
        String key = UUID.randomUUID().toString();
        // a request claimed the key, lost the database before its write, and could not release it
        execute(
                "insert into idempotency_key (idempotency_key, claim_token, claimed_at) values (?, ?, now() - cast(? as interval))",
                key,
                UUID.randomUUID(),
                (IdempotencyKeys.LEASE.toSeconds() + 1) + " seconds");
        Response taken = post(key, body);
        taken.then().statusCode(201);
        post(key, body)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(taken.jsonPath().getInt("id")));
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(1));
    }

    @Test
    void aClaimWithinItsLeaseIsStillInProgress() throws SQLException {
        String key = UUID.randomUUID().toString();
        execute("insert into idempotency_key (idempotency_key, claim_token) values (?, ?)", key, UUID.randomUUID());
        post(key, TestPolls.poll(TestPolls.newPollster(), "1000", "2024-01-25", 51, 36))
                .then()
                .statusCode(409)
                .header("Retry-After", "1")
                .body("type", equalTo(IdempotencyFilter.IN_PROGRESS));
    }

    @Test
    void aWriteThatCommittedWithoutItsStoredAnswerSendsTheRetryToWhatItCreated() throws SQLException {
        String pollster = TestPolls.newPollster();
        String body = TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36);
        String key = UUID.randomUUID().toString();
        Response first = post(key, body);
        first.then().statusCode(201);
        // the answer was lost with the database after the commit: what the write's own transaction
        // settled is all that is left
        execute(
                "update idempotency_key set status = null, content_type = null, etag = null, body = null"
                        + " where idempotency_key = ?",
                key);
        post(key, body)
                .then()
                .statusCode(303)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/polls/" + first.jsonPath().getLong("id")));
        post(key, TestPolls.poll(pollster, "1000", "2024-01-25", 50, 37))
                .then()
                .statusCode(422)
                .body("type", equalTo(IdempotencyFilter.KEY_REUSED));
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(1));
    }

    @Test
    void theSettlementCommitsAndRollsBackWithTheWrite() throws SQLException {
        String key = UUID.randomUUID().toString();
        withClaim(key, () -> {
            assertThrows(
                    IllegalStateException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        writes.settle("/polls/1");
                        throw new IllegalStateException("the write fails after its settlement");
                    }));
            assertNull(location(key), "a rolled-back write leaves the claim unsettled");
            QuarkusTransaction.requiringNew().run(() -> writes.settle("/polls/2"));
            assertEquals("/polls/2", location(key));
        });
        IdempotencyKeys.Claim retry = keys.claim(key);
        assertNull(retry.token());
        assertTrue(retry.stored().written());
    }

    @Test
    void aHolderWhoseClaimWasTakenOverCannotSettleAndItsWriteRollsBack() throws SQLException {
        String key = UUID.randomUUID().toString();
        String marker = "taken-over-" + UUID.randomUUID();
        withClaim(key, () -> {
            execute("update idempotency_key set claim_token = ? where idempotency_key = ?", UUID.randomUUID(), key);
            ProblemException refused = assertThrows(
                    ProblemException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        try (Connection connection = dataSource.getConnection();
                                PreparedStatement insert = connection.prepareStatement(
                                        "insert into idempotency_key (idempotency_key) values (?)")) {
                            insert.setString(1, marker);
                            insert.executeUpdate();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        writes.settle("/polls/3");
                    }));
            assertEquals(409, refused.status());
            assertEquals(0, count(marker), "the write of the request that lost its claim rolled back");
        });
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** Runs the action in a request that holds a fresh claim on the key. */
    private void withClaim(String key, SqlAction action) throws SQLException {
        IdempotencyKeys.Claim claim = keys.claim(key);
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            DigestInputStream body =
                    new DigestInputStream(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), digest);
            writes.hold(new IdempotentWrites.Held(key, claim.token(), digest, body));
            action.run();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            requestContext.terminate();
        }
    }

    private static Response post(String key, String body) {
        return given().contentType(ContentType.JSON)
                .header(IdempotencyFilter.HEADER, key)
                .redirects()
                .follow(false)
                .body(body)
                .post("/polls");
    }

    private String location(String key) throws SQLException {
        return (String) valueOf("select location from idempotency_key where idempotency_key = ?", key);
    }

    private long count(String key) throws SQLException {
        return ((Number) valueOf("select count(*) from idempotency_key where idempotency_key = ?", key)).longValue();
    }

    /** The one value the query selects for the key. */
    private Object valueOf(String sql, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1);
            }
        }
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
