package org.pollwatch.common.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * What a browser sees: security headers on every answer, a strict Content-Security-Policy on the HTML
 * pages, CORS open for reads from any origin and closed for writes from foreign ones (403 before
 * anything runs, no Access-Control-Allow-Origin, nothing stored), and /q/metrics for administrators.
 */
@QuarkusTest
class BrowserSecurityTest {

    private static final String EVIL = "http://evil.example";

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/polls/1", "/", "/no-such-path", "/q/openapi", "/static/pollwatch.css"}) {
            given().auth()
                    .none()
                    .get(path)
                    .then()
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void htmlPagesHaveAStrictContentSecurityPolicy() {
        for (String page : new String[] {"/", "/dashboard/polls/1"}) {
            String csp = given().auth()
                    .none()
                    .accept(ContentType.HTML)
                    .get(page)
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"))
                    .extract()
                    .header("Content-Security-Policy");
            assertEquals(
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                            + "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                    csp,
                    page);
        }
        // the poll page draws its bars without inline styles, which that policy would block
        given().auth()
                .none()
                .get("/dashboard/polls/1")
                .then()
                .body(not(containsString("style=")))
                .body(not(containsString("<style")));
        given().auth()
                .none()
                .get("/polls/1/questions/1/chart.svg")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void readsAreOpenToEveryOrigin() {
        given().auth()
                .none()
                .header("Origin", EVIL)
                .get("/polls/1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(EVIL));
        given().auth()
                .none()
                .header("Origin", EVIL)
                .header("Access-Control-Request-Method", "GET")
                .options("/polls/1")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(EVIL));
    }

    @Test
    void writesFromForeignOriginsAreRefusedBeforeAnythingRuns() {
        String slug = "cors-" + System.nanoTime();
        // even with a valid administrator key: a page on another site must not write through a browser
        given().header("Origin", EVIL)
                .contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Cors\",\"country\":\"IL\"}")
                .post("/pollsters")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("errors[0].field", equalTo("Origin"))
                .body("detail", containsString("pollwatch.cors.write-origins"));
        given().auth().none().get("/pollsters/" + slug).then().statusCode(404);

        given().header("Origin", EVIL)
                .body("{\"reason\":\"x\"}")
                .contentType(ContentType.JSON)
                .delete("/polls/1")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().none().get("/polls/1").then().statusCode(200).body("status", equalTo("published"));

        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            given().auth()
                    .none()
                    .header("Origin", EVIL)
                    .header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .options("/polls/1")
                    .then()
                    .statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Access-Control-Allow-Methods", nullValue());
        }
    }

    @Test
    void writesFromTheServicesOwnPagesAndFromNonBrowserClientsWork() {
        String pollster = TestPolls.newPollster();
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .contentType(ContentType.JSON)
                .body(TestPolls.poll(pollster, "700", "2024-02-01", 48, 44))
                .post("/polls")
                .then()
                .statusCode(201);
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(TestPolls.poll(pollster, "700", "2024-02-02", 47, 45))
                .post("/polls")
                .then()
                .statusCode(201);
    }

    @Test
    void metricsNeedAnAdministratorKeyAndHealthStaysOpen() {
        given().auth()
                .none()
                .get("/q/metrics")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        String pollster = TestPolls.newPollster();
        TestKeys.Issued key = TestKeys.pollsterKey(pollster);
        given().auth()
                .none()
                .header("Authorization", "Bearer " + key.key())
                .get("/q/metrics")
                .then()
                .statusCode(403);
        given().get("/q/metrics").then().statusCode(200);
        given().auth().none().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void hostilePathsDoNotBecomeMetricTags() {
        for (int i = 0; i < 20; i++) {
            given().auth().none().get("/polls/9999999" + i).then().statusCode(404);
            given().auth()
                    .none()
                    .urlEncodingEnabled(false)
                    .get("/hostile-" + i + "%2Fx")
                    .then()
                    .statusCode(404);
        }
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(
                0,
                metrics.lines()
                        .filter(l -> l.startsWith("http_server_requests"))
                        .filter(l -> l.contains("hostile") || l.contains("9999999"))
                        .count(),
                "raw request paths in metric tags");
    }
}
