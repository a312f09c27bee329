package org.pollwatch.common.readreplica;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestPolls;

/**
 * Reads routed to a read replica. The "replica" here is the test database itself, reached through the
 * second datasource: the routing, the LSN handshake and the fallback to the primary are the real ones;
 * replication lag itself is exercised by bench/replicas.sh with a streaming standby.
 */
@QuarkusTest
@TestProfile(ReadReplicaRoutingTest.WithReplica.class)
class ReadReplicaRoutingTest {

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pollwatch.read-replica.url", "${quarkus.datasource.jdbc.url}",
                    "pollwatch.read-replica.max-wait", "300ms",
                    "pollwatch.read-replica.probe-interval", "1s");
        }
    }

    static final String LSN = "[0-9A-F]{1,8}/[0-9A-F]{1,8}";

    @BeforeEach
    void replicaProbed() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            String readsFrom = given().get("/q/health/ready")
                    .then()
                    .extract()
                    .path("checks.find { it.name == 'Read replica' }.data.readsFrom");
            if ("replica".equals(readsFrom)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the read replica was never probed as usable");
    }

    @Test
    void writeAnswersItsCommitPositionAndAReadSendingItIsServedByTheCaughtUpReplica() {
        String pollster = TestPolls.newPollster();
        Response created = given().contentType(ContentType.JSON)
                .body(TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36))
                .post("/polls");
        created.then().statusCode(201).header(ReadRouteFilters.COMMIT_LSN, matchesPattern(LSN));
        long id = created.jsonPath().getLong("id");
        String commit = created.header(ReadRouteFilters.COMMIT_LSN);

        given().header(ReadRouteFilters.MIN_LSN, commit)
                .get("/polls/" + id)
                .then()
                .statusCode(200)
                .header(ReadRouteFilters.READ_SOURCE, "replica")
                .body("pollster.slug", equalTo(pollster));
        given().get("/pollsters/" + pollster + "/polls")
                .then()
                .statusCode(200)
                .header(ReadRouteFilters.READ_SOURCE, "replica");
    }

    @Test
    void aReadNeedingAPositionTheReplicaHasNotReachedIsServedByThePrimary() {
        long started = System.nanoTime();
        given().header(ReadRouteFilters.MIN_LSN, "FFFFFFFF/FFFFFFFF")
                .get("/polls/1")
                .then()
                .statusCode(200)
                .header(ReadRouteFilters.READ_SOURCE, "primary")
                .body("id", equalTo(1));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 300, "waited only " + waitedMillis + " ms for the replica");
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith("pollwatch_read_routing_total{")
                                && line.contains("reason=\"min_lsn_not_replayed\"")
                                && line.contains("source=\"primary\"")
                                && !line.endsWith(" 0.0")),
                "no primary fallback counted");
    }

    @Test
    void aMalformedPositionIsABadRequestNamingTheHeader() {
        given().header(ReadRouteFilters.MIN_LSN, "yesterday")
                .get("/polls/1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(ReadRouteFilters.MIN_LSN));
    }

    @Test
    void lagIsInReadinessAndMetrics() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Read replica' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Read replica' }.data.configured", equalTo(true))
                .body("checks.find { it.name == 'Read replica' }.data.reachable", equalTo(true))
                .body("checks.find { it.name == 'Read replica' }.data.replayedLsn", matchesPattern(LSN));
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("pollwatch_replica_lag_bytes "), metrics);
        assertTrue(metrics.contains("pollwatch_replica_usable 1.0"), "replica not reported usable");
    }

    @Test
    void writesNeverReadTheReplica() {
        String pollster = TestPolls.newPollster();
        long id = TestPolls.submit(TestPolls.poll(pollster, "800", "2024-01-26", 50, 40));
        // the revision reads the poll it revises inside its own transaction, on the primary
        String etag = given().get("/polls/" + id).then().extract().header("ETag");
        Response revised = given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .queryParam("reason", "corrected weighting")
                .body(TestPolls.poll(pollster, "800", "2024-01-26", 52, 38))
                .put("/polls/" + id);
        revised.then().statusCode(200).header(ReadRouteFilters.COMMIT_LSN, matchesPattern(LSN));
        assertEquals(null, revised.header(ReadRouteFilters.READ_SOURCE));
        given().header(ReadRouteFilters.MIN_LSN, revised.header(ReadRouteFilters.COMMIT_LSN))
                .get("/polls/" + id)
                .then()
                .statusCode(200)
                .header(ReadRouteFilters.READ_SOURCE, "replica")
                .body("version", equalTo(1));
    }
}
