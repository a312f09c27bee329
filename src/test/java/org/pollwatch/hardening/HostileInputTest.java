package org.pollwatch.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestPolls;

/** Requests a stranger may send that once answered 500 or exhausted the service: each is a 4xx problem now. */
@QuarkusTest
class HostileInputTest {

    private static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    @Test
    void trendToTheYear10000IsRefusedBeforeAnyWork() {
        String series = seriesWithOnePoll();
        problem(
                given().urlEncodingEnabled(false)
                        .get("/series/" + series + "/trend?method=kalman&to=%2B10000-01-01&confidence=0.81")
                        .then(),
                400,
                "to");
        problem(
                given().urlEncodingEnabled(false)
                        .get("/series/" + series + "/trend?to=%2B999999999-12-31")
                        .then(),
                400,
                "to");
    }

    @Test
    void trendSpanningMoreThanTwentyYearsIsRefused() {
        String series = seriesWithOnePoll();
        problem(
                        given().queryParam("to", "2099-12-31")
                                .get("/series/" + series + "/trend")
                                .then(),
                        400,
                        "to")
                .body("errors[0].message", containsString("7305 days"));
        problem(
                given().queryParam("as-of", "2090-01-01")
                        .get("/series/" + series + "/trend.csv")
                        .then(),
                400,
                "as-of");
        given().queryParam("to", "2040-12-31")
                .get("/series/" + series + "/trend")
                .then()
                .statusCode(200);
    }

    @Test
    void outOfRangeDatesAreRefusedInQueriesAndBodies() {
        problem(
                given().urlEncodingEnabled(false)
                        .get("/polls?from=-999999999-01-01")
                        .then(),
                400,
                "from");
        problem(
                given().urlEncodingEnabled(false)
                        .get("/series/" + seriesWithOnePoll() + "/trend?as-of=%2B999999999-12-31")
                        .then(),
                400,
                "as-of");
        String pollster = TestPolls.newPollster();
        String poll = TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36);
        problem(
                given().contentType(ContentType.JSON)
                        .body(poll.replace("\"fieldEnd\": \"2024-01-25\"", "\"fieldEnd\": \"+999999999-12-31\""))
                        .post("/polls")
                        .then(),
                400,
                "fieldEnd");
        problem(
                given().contentType(ContentType.JSON)
                        .body(poll.replace("\"fieldEnd\": \"2024-01-25\"", "\"fieldEnd\": 2147483648"))
                        .post("/polls")
                        .then(),
                400,
                "fieldEnd");
    }

    @Test
    void nulBytesAreRefusedNamingTheParameterOrField() {
        problem(given().urlEncodingEnabled(false).get("/polls?q=a%00b").then(), 400, "q");
        problem(given().urlEncodingEnabled(false).get("/pollsters/a%00b").then(), 400, "slug");
        problem(
                given().urlEncodingEnabled(false)
                        .get("/series/" + seriesWithOnePoll() + "/trend?population=%00")
                        .then(),
                400,
                "population");
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"slug\":\"nul-test\",\"name\":\"N\\u0000ame\",\"country\":\"IL\"}")
                        .post("/pollsters")
                        .then(),
                400,
                "name");
        given().get("/pollsters/nul-test").then().statusCode(404);
    }

    @Test
    void repeatedKeysAndWrongJsonTypesAreRefused() {
        problem(
                        given().contentType(ContentType.JSON)
                                .body("{\"slug\":\"dup-key\",\"name\":\"n\",\"country\":\"IL\",\"name\":\"m\"}")
                                .post("/pollsters")
                                .then(),
                        400,
                        "(body)")
                .body("detail", containsString("name"));
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"slug\":123,\"name\":\"n\",\"country\":\"IL\"}")
                        .post("/pollsters")
                        .then(),
                400,
                "slug");
        String poll = TestPolls.poll(TestPolls.newPollster(), "\"1000\"", "2024-01-25", 51, 36);
        problem(given().contentType(ContentType.JSON).body(poll).post("/polls").then(), 400, "sampleSize");
        String boolWording = TestPolls.poll(TestPolls.newPollster(), "1000", "2024-01-25", 51, 36)
                .replace("\"What should be the main goal of the war?\"", "true");
        problem(
                given().contentType(ContentType.JSON)
                        .body(boolWording)
                        .post("/polls")
                        .then(),
                400,
                "questions[0].wording");
    }

    @Test
    void malformedJsonSaysWhere() {
        given().contentType(ContentType.JSON)
                .body("{\"slug\": ")
                .post("/pollsters")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors", hasSize(1))
                .body("errors[0].message", containsString("line 1"));
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        problem(given().contentType(ContentType.JSON).body(deep).post("/polls").then(), 400, "(body)");
    }

    @Test
    void longReasonsAreRefused() {
        long id = TestPolls.submit(TestPolls.poll(TestPolls.newPollster(), "1000", "2024-01-25", 51, 36));
        problem(
                given().queryParam("reason", "x".repeat(1_001))
                        .delete("/polls/" + id)
                        .then(),
                400,
                "reason");
        given().get("/polls/" + id).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void hugeInvalidRequestsGetASmallProblem() {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            options.append(i == 0 ? "" : ",").append("{\"label\":\"\",\"percentage\":-1}");
        }
        String poll = TestPolls.poll(TestPolls.newPollster(), "1000", "2024-01-25", 51, 36)
                .replaceFirst("\"options\": \\[[^\\]]*\\]", "\"options\": [" + options + "]");
        String body = given().contentType(ContentType.JSON)
                .body(poll)
                .post("/polls")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.size()", lessThan(101))
                .extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertTrue(
                body.length() < 20_000, "problem body of " + body.length() + " chars");
    }

    @Test
    void hugeExponentsInACsvAreBadRowsAnsweredAtOnce() {
        String series = "csv-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String csv = "start_date,end_date,pollster,sample_size,population,approve,disapprove\n"
                + "2021-03-01,2021-03-02,Ipsos,1e100000000,a,50,40\n"
                + "2021-03-01,2021-03-02,Ipsos,1e999999999,a,50,40\n"
                + "2021-03-01,2021-03-02,Ipsos,1000,a,1e100000000,40\n"
                + "0000-01-01,2021-03-02,Ipsos,1000,a,50,40\n"
                + "2021-03-03,2021-03-04,Ipsos,1000,a,52,41\n";
        SeriesFixtures.importCsv(series, csv)
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejectedCount", equalTo(4));
    }

    @Test
    void emptyAnswerColumnsAreRefused() {
        problem(
                given().contentType("text/csv")
                        .queryParam("series", "csv-empty-answers")
                        .queryParam("answers", ",,,")
                        .body("start_date,end_date,pollster,sample_size,population,approve\n")
                        .post("/imports/fivethirtyeight")
                        .then(),
                400,
                "answers");
    }

    @Test
    void httpLayerErrorsAreProblems() {
        assertRawProblem("GET /polls?q=%C3%28 HTTP/1.1", 400, "(query)");
        assertRawProblem("GET /polls/%E0%A4 HTTP/1.1", 400, "(path)");
        problem(given().queryParam("q", "x".repeat(9_000)).get("/polls").then(), 414, "(uri)");
        problem(given().header("X-Filler", "y".repeat(20_000)).get("/polls").then(), 431, "(headers)");
        given().get("/polls/abc")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
        given().header("If-Match", "\"nope\"")
                .get("/polls/1")
                .then()
                .statusCode(412)
                .contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .patch("/polls/1")
                .then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void revisionWithoutIfMatchIs428() {
        String pollster = TestPolls.newPollster();
        long id = TestPolls.submit(TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36));
        problem(
                given().contentType(ContentType.JSON)
                        .body(TestPolls.poll(pollster, "1000", "2024-01-25", 50, 36))
                        .put("/polls/" + id)
                        .then(),
                428,
                "If-Match");
        given().get("/polls/" + id).then().body("version", equalTo(0));
        given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(TestPolls.poll(pollster, "1000", "2024-01-25", 50, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
    }

    /** Sends a request line that HTTP clients refuse to build, and reads the answer. */
    private static void assertRawProblem(String requestLine, int status, String field) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 " + status), answer);
            org.junit.jupiter.api.Assertions.assertTrue(
                    answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                    answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("\"field\":\"" + field + "\""), answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String seriesWithOnePoll() {
        String series = SeriesFixtures.newSeries();
        SeriesFixtures.submit(SeriesFixtures.poll(
                TestPolls.newPollster(), series, "2021-03-01", "2021-03-03", null, "adults", 1000, 52, 40));
        return series;
    }
}
