package org.pollwatch.accounts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.SecondInstance;
import org.pollwatch.testsupport.TestDatabaseConfig;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * Revocation counts at once on every instance: the packaged application of this test (A) and a
 * second one (B), started here from the same jar on the same database. A key issued on A writes
 * through B; once revoked on A, it gets 401 with the Bearer challenge on B and on A, and the refused
 * write stores nothing. B's use of the key shows as its last use on A.
 */
@QuarkusIntegrationTest
class RevocationAcrossInstancesIT {

    private static final Path SECOND_LOG = Path.of("target", "revocation-second-instance.log");

    /** The settings the first instance was started with (datasource, key secret, bootstrap key). */
    @TestDatabaseConfig
    Map<String, String> database;

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedAtOnceOnTheOther() throws Exception {
        try (SecondInstance second = SecondInstance.start(database, SECOND_LOG)) {
            int secondPort = second.port();
            String pollster = TestPolls.newPollster();
            TestKeys.Issued key = TestKeys.pollsterKey(pollster);

            // the key writes through B, twice: B has verified it before the revocation
            for (int i = 0; i < 2; i++) {
                on(secondPort, key.key())
                        .contentType(ContentType.JSON)
                        .body(TestPolls.poll(pollster, "800", "2024-01-2" + (5 + i), 50, 40))
                        .post("/polls")
                        .then()
                        .statusCode(201)
                        .body("pollster.slug", equalTo(pollster));
            }
            assertEquals(2, pollsOf(pollster), "B's writes are in the shared database");
            // B's use is recorded in the database, so A shows it
            given().get("/admin/keys/" + key.id()).then().statusCode(200).body("lastUsedAt", notNullValue());
            long auditBefore = auditRowsOf(key.id());

            given().queryParam("reason", "leaked")
                    .delete("/admin/keys/" + key.id())
                    .then()
                    .statusCode(200)
                    .body("revokedAt", notNullValue());

            for (int port : List.of(secondPort, 0)) {
                on(port, key.key())
                        .contentType(ContentType.JSON)
                        .body(TestPolls.poll(pollster, "900", "2024-01-28", 1, 2))
                        .post("/polls")
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("Bearer"))
                        .body("detail", containsString("revoked"));
            }
            assertEquals(2, pollsOf(pollster), "the refused writes stored no poll");
            assertEquals(auditBefore, auditRowsOf(key.id()), "the refused writes left no audit row");
            // B reads the revocation from the database too: its answer about the key says so
            given().baseUri("http://127.0.0.1")
                    .port(secondPort)
                    .get("/admin/keys/" + key.id())
                    .then()
                    .statusCode(200)
                    .body("revokedAt", notNullValue());
        }
    }

    /** A request to instance B (its port), or to the instance of this test (port 0), with a key. */
    private static RequestSpecification on(int port, String key) {
        RequestSpecification request = given().auth().oauth2(key);
        return port == 0 ? request : request.baseUri("http://127.0.0.1").port(port);
    }

    private static long pollsOf(String pollster) {
        Response page = given().auth().none().queryParam("pollster", pollster).get("/polls");
        page.then().statusCode(200);
        return page.jsonPath().getLong("total");
    }

    private static long auditRowsOf(long keyId) {
        Response page = given().queryParam("key", keyId).get("/admin/audit");
        page.then().statusCode(200);
        return page.jsonPath().getLong("total");
    }
}
