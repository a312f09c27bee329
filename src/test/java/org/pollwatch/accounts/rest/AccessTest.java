package org.pollwatch.accounts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * Who may write what, through HTTP: every write endpoint refuses anonymous requests (401 with the
 * Bearer challenge), another pollster's key (403), revoked and expired keys (401), and accepts the
 * pollster's own key; refused requests store nothing, not even an audit row, and the seeded IDI poll
 * stays as it is.
 */
@QuarkusTest
class AccessTest {

    @Inject
    AgroalDataSource dataSource;

    String mine;
    String theirs;
    TestKeys.Issued myKey;
    TestKeys.Issued theirKey;
    long myPoll;
    long myQuestion;
    String series;

    @BeforeEach
    void pollstersKeysAndAPoll() {
        mine = TestPolls.newPollster();
        theirs = TestPolls.newPollster();
        myKey = TestKeys.pollsterKey(mine);
        theirKey = TestKeys.pollsterKey(theirs);
        series = SeriesFixtures.newSeries();
        Response submitted = as(myKey.key())
                .contentType(ContentType.JSON)
                .body(TestPolls.poll(mine, "800", "2024-01-25", 50, 40))
                .post("/polls");
        submitted.then().statusCode(201);
        myPoll = submitted.jsonPath().getLong("id");
        myQuestion = submitted.jsonPath().getLong("questions[0].id");
    }

    /** The write operations, each as a request against the fixtures of this test. */
    private List<Write> writes() {
        String csv =
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n"
                        + "2021-02-01,2021-02-03," + mine
                        + ",,2200,rv,all,Biden,FALSE,Approve?,58,35,https://example.org/\n";
        return List.of(
                new Write(
                        "POST /pollsters",
                        s -> s.contentType(ContentType.JSON)
                                .body("{\"slug\":\"x-" + System.nanoTime() + "\",\"name\":\"X\",\"country\":\"IL\"}")
                                .post("/pollsters")),
                new Write(
                        "POST /polls",
                        s -> s.contentType(ContentType.JSON)
                                .body(TestPolls.poll(mine, "900", "2024-01-26", 52, 38))
                                .post("/polls")),
                new Write(
                        "PUT /polls/{id}",
                        s -> s.contentType(ContentType.JSON)
                                .header("If-Match", "*")
                                .body(TestPolls.poll(mine, "900", "2024-01-26", 10, 85))
                                .put("/polls/" + myPoll)),
                new Write(
                        "DELETE /polls/{id}",
                        s -> s.queryParam("reason", "test").delete("/polls/" + myPoll)),
                new Write(
                        "POST /series",
                        s -> s.contentType(ContentType.JSON)
                                .body("{\"key\":\"k-" + System.nanoTime()
                                        + "\",\"title\":\"T\",\"choices\":[{\"key\":\"a\",\"label\":\"A\"}]}")
                                .post("/series")),
                new Write(
                        "POST /series/{key}/questions",
                        s -> s.contentType(ContentType.JSON)
                                .body(
                                        "{\"questionId\":" + myQuestion
                                                + ",\"seriesChoices\":{\"Returning the hostages\":\"approve\",\"Toppling Hamas\":\"disapprove\",\"Don't know\":null}}")
                                .post("/series/" + series + "/questions")),
                new Write(
                        "POST /imports/fivethirtyeight",
                        s -> s.contentType("text/csv")
                                .body(csv)
                                .queryParam("series", "imp-" + System.nanoTime())
                                .post("/imports/fivethirtyeight")),
                new Write(
                        "POST /admin/keys",
                        s -> s.contentType(ContentType.JSON)
                                .body("{\"name\":\"k\",\"role\":\"admin\"}")
                                .post("/admin/keys")),
                new Write("DELETE /admin/keys/{id}", s -> s.delete("/admin/keys/" + theirKey.id())));
    }

    private record Write(String name, Function<RequestSpecification, Response> send) {}

    @Test
    void anonymousWritesAre401WithTheBearerChallengeAndStoreNothing() throws Exception {
        long before = auditRows();
        for (Write write : writes()) {
            write.send()
                    .apply(given().auth().none())
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401));
        }
        assertEquals(before, auditRows(), "refused writes leave no audit row");
        assertMyPollUntouched();
        given().auth().none().get("/admin/audit").then().statusCode(401);
        given().auth().none().get("/admin/keys").then().statusCode(401);
    }

    @Test
    void anotherPollstersKeyIs403OnEveryWriteOfMine() throws Exception {
        long before = auditRows();
        for (Write write : writes()) {
            if (write.name().equals("POST /series")) {
                continue; // a series belongs to no pollster: any key with the series scope creates one
            }
            write.send()
                    .apply(as(theirKey.key()))
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        assertEquals(before, auditRows(), "refused writes leave no audit row");
        assertMyPollUntouched();
        assertEquals(1, pollsOf(mine), "no poll was stored in my pollster's name");
    }

    @Test
    void ownKeyWritesItsPollsAndEveryWriteIsAudited() {
        String requestId = "req-" + System.nanoTime();
        as(myKey.key())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(TestPolls.poll(mine, "900", "2024-01-26", 55, 35))
                .put("/polls/" + myPoll + "?reason=typo")
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId);
        as(myKey.key())
                .contentType(ContentType.JSON)
                .body(
                        "{\"questionId\":" + myQuestion
                                + ",\"seriesChoices\":{\"Returning the hostages\":\"approve\",\"Toppling Hamas\":\"disapprove\",\"Don't know\":null}}")
                .post("/series/" + series + "/questions")
                .then()
                .statusCode(200);
        as(myKey.key())
                .queryParam("reason", "withdrawn")
                .delete("/polls/" + myPoll)
                .then()
                .statusCode(200)
                .body("retraction.retractedBy", containsString("key " + myKey.id()));
        as(myKey.key())
                .contentType(ContentType.JSON)
                .body("{\"key\":\"own-" + System.nanoTime()
                        + "\",\"title\":\"T\",\"choices\":[{\"key\":\"a\",\"label\":\"A\"}]}")
                .post("/series")
                .then()
                .statusCode(201);

        given().get("/polls/" + myPoll + "/revisions")
                .then()
                .statusCode(200)
                .body("[0].revisedBy", containsString("key " + myKey.id()))
                .body("[0].reason", equalTo("typo"));
        Response audit = given().queryParam("poll", myPoll).get("/admin/audit");
        audit.then()
                .statusCode(200)
                .body("items.action", hasItems("poll.submit", "poll.revise", "series.attach", "poll.retract"))
                .body("items.findAll { it.actorKeyId == " + myKey.id() + " }.size()", equalTo(4))
                .body("items.find { it.action == 'poll.revise' }.requestId", equalTo(requestId))
                .body("items.find { it.action == 'poll.revise' }.reason", equalTo("typo"))
                .body("items.find { it.action == 'poll.retract' }.reason", equalTo("withdrawn"))
                .body("items[0].occurredAt", notNullValue());
        // the administrator's own writes are audited too, as the bootstrap key
        given().get("/admin/audit?key=" + myKey.id()).then().statusCode(200).body("total", equalTo(5));
        given().get("/admin/keys/" + myKey.id()).then().statusCode(200).body("lastUsedAt", notNullValue());
    }

    @Test
    void revokedAndExpiredKeysAre401AtOnce() throws Exception {
        TestKeys.Issued revoked = TestKeys.pollsterKey(mine);
        TestKeys.Issued expired = TestKeys.pollsterKey(mine);
        given().queryParam("reason", "leaked")
                .delete("/admin/keys/" + revoked.id())
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        try (Connection c = dataSource.getConnection();
                PreparedStatement expire = c.prepareStatement(
                        "update api_key set expires_at = now() - interval '1 second' where id = ?")) {
            expire.setLong(1, expired.id());
            expire.executeUpdate();
        }
        long before = auditRows();
        for (TestKeys.Issued key : List.of(revoked, expired)) {
            for (Write write : writes()) {
                write.send()
                        .apply(as(key.key()))
                        .then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("Bearer"));
            }
        }
        as(revoked.key())
                .contentType(ContentType.JSON)
                .body(TestPolls.poll(mine, "900", "2024-01-26", 1, 2))
                .post("/polls")
                .then()
                .body("detail", containsString("revoked"));
        as(expired.key())
                .contentType(ContentType.JSON)
                .body(TestPolls.poll(mine, "900", "2024-01-26", 1, 2))
                .post("/polls")
                .then()
                .body("detail", containsString("expired"));
        assertEquals(before, auditRows());
        assertMyPollUntouched();
    }

    @Test
    void malformedAndUnknownKeysAre401() {
        for (String header :
                List.of("Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer pw_000000000000_" + "A".repeat(43))) {
            given().auth()
                    .none()
                    .header("Authorization", header)
                    .contentType(ContentType.JSON)
                    .body(TestPolls.poll(mine, "900", "2024-01-26", 1, 2))
                    .post("/polls")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        // reads stay public, whatever the header says
        given().auth()
                .none()
                .header("Authorization", "Bearer nonsense")
                .get("/polls/" + myPoll)
                .then()
                .statusCode(200);
    }

    @Test
    void theSeededIdiPollIsOnlyForAdministrators() {
        long idi = given().auth()
                .none()
                .get("/polls?pollster=israel-democracy-institute")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        String moved = TestPolls.poll(theirs, "900", "2024-01-26", 10, 85);
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(moved)
                .put("/polls/" + idi)
                .then()
                .statusCode(401);
        given().auth()
                .none()
                .queryParam("reason", "x")
                .delete("/polls/" + idi)
                .then()
                .statusCode(401);
        as(theirKey.key())
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(moved)
                .put("/polls/" + idi)
                .then()
                .statusCode(403);
        as(theirKey.key())
                .queryParam("reason", "x")
                .delete("/polls/" + idi)
                .then()
                .statusCode(403);
        given().auth()
                .none()
                .get("/polls/" + idi)
                .then()
                .statusCode(200)
                .body("pollster.slug", equalTo("israel-democracy-institute"))
                .body("status", equalTo("published"))
                .body("questions[0].options[0].percentage", equalTo(51.0f))
                .body("questions[0].options[1].percentage", equalTo(36.0f));
        given().auth()
                .none()
                .get("/polls/" + idi + "/revisions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aPollsterKeyCannotMoveItsPollToAnotherPollster() {
        as(myKey.key())
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(TestPolls.poll(theirs, "900", "2024-01-26", 10, 85))
                .put("/polls/" + myPoll)
                .then()
                .statusCode(403);
        given().get("/polls/" + myPoll).then().body("pollster.slug", equalTo(mine));
    }

    @Test
    void keysAreShownOnceAndStoredAsHmac() throws Exception {
        TestKeys.Issued issued = TestKeys.pollsterKey(mine);
        given().get("/admin/keys/" + issued.id())
                .then()
                .statusCode(200)
                .body("key", equalTo(null))
                .body("role", equalTo("pollster"))
                .body("pollster", equalTo(mine))
                .body("scopes", hasItems("polls", "series"));
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("select prefix, secret_hash from api_key where id = ?")) {
            select.setLong(1, issued.id());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertEquals(issued.key().substring(0, 15), row.getString(1));
                assertEquals(64, row.getString(2).length());
                assertNotNull(row.getString(2));
                assertEquals(-1, issued.key().indexOf(row.getString(2)));
            }
        }
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"k\",\"role\":\"pollster\"}")
                .post("/admin/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pollster"));
    }

    @Test
    void aKeyWithoutTheSeriesScopeCannotAttachQuestions() {
        TestKeys.Issued pollsOnly = TestKeys.issue(
                "{\"name\":\"polls only\",\"role\":\"pollster\",\"pollster\":\"" + mine + "\",\"scopes\":[\"polls\"]}");
        as(pollsOnly.key())
                .contentType(ContentType.JSON)
                .body(
                        "{\"questionId\":" + myQuestion
                                + ",\"seriesChoices\":{\"Returning the hostages\":\"approve\",\"Toppling Hamas\":\"disapprove\",\"Don't know\":null}}")
                .post("/series/" + series + "/questions")
                .then()
                .statusCode(403)
                .body("detail", containsString("series"));
    }

    private static RequestSpecification as(String key) {
        return given().auth().oauth2(key);
    }

    private void assertMyPollUntouched() {
        given().get("/polls/" + myPoll)
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("pollster.slug", equalTo(mine))
                .body("questions[0].options[0].percentage", equalTo(50.0f));
    }

    private long auditRows() throws Exception {
        return count("select count(*) from audit_event", null);
    }

    private long pollsOf(String pollster) throws Exception {
        return count("select count(*) from poll p join pollster s on s.id = p.pollster_id where s.slug = ?", pollster);
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
