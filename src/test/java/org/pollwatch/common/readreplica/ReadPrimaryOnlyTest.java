package org.pollwatch.common.readreplica;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Without a configured replica every read is the primary's, and the LSN handshake still works. */
@QuarkusTest
class ReadPrimaryOnlyTest {

    @Test
    void readsComeFromThePrimaryAndWritesTellTheirPosition() {
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"primary-only\",\"name\":\"Primary Only\",\"country\":\"IL\"}")
                .post("/pollsters")
                .then()
                .statusCode(201)
                .header(ReadRouteFilters.COMMIT_LSN, matchesPattern(ReadReplicaRoutingTest.LSN));
        given().header(ReadRouteFilters.MIN_LSN, "FFFFFFFF/FFFFFFFF")
                .get("/pollsters/primary-only")
                .then()
                .statusCode(200)
                .header(ReadRouteFilters.READ_SOURCE, "primary")
                .body("slug", equalTo("primary-only"));
        given().get("/q/health/ready")
                .then()
                .body("checks.find { it.name == 'Read replica' }.data.configured", equalTo(false));
    }
}
