package org.pollwatch.polls.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** GET /polls?updatedSince=&cursor=: what a client needs to keep a copy of the polls in sync. */
@QuarkusTest
class PollMirroringTest {

    /**
     * Changes of transactions still running anywhere in the database cluster are held back, so a
     * page may lag behind the newest commit for a moment: ask again until the page is as expected.
     */
    private static JsonPath changes(String pollster, String cursor, Predicate<JsonPath> until) {
        JsonPath page = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            var request = given().queryParam("pollster", pollster).queryParam("size", 2);
            request = cursor == null
                    ? request.queryParam("updatedSince", "2000-01-01")
                    : request.queryParam("cursor", cursor);
            page = request.get("/polls").then().statusCode(200).extract().jsonPath();
            if (until.test(page)) return page;
            sleep();
        }
        return page;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Integer> ids(JsonPath page) {
        return page.getList("items.id", Integer.class);
    }

    @Test
    void aClientFollowsTheCursorAndSeesRevisionsAndRetractionsAgain() {
        String pollster = newPollster();
        long first = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        long second = submit(poll(pollster, "1000", "2024-01-26", 50, 37));
        long third = submit(poll(pollster, "1000", "2024-01-27", 49, 38));

        JsonPath page = changes(pollster, null, p -> p.getLong("total") == 3);
        assertEquals(List.of((int) first, (int) second), ids(page));
        assertEquals(3, page.getInt("total"));
        String cursor = page.getString("nextCursor");
        page = changes(pollster, cursor, p -> true);
        assertEquals(List.of((int) third), ids(page));
        cursor = page.getString("nextCursor");
        page = changes(pollster, cursor, p -> true);
        assertEquals(List.of(), ids(page));
        assertEquals(cursor, page.getString("nextCursor"), "an empty page keeps the cursor to ask again later");

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + first + "-v0\"")
                .body(poll(pollster, "1200", "2024-01-25", 52, 35))
                .put("/polls/" + first)
                .then()
                .statusCode(200);
        given().queryParam("reason", "duplicate of another poll")
                .delete("/polls/" + second)
                .then()
                .statusCode(200);
        page = changes(pollster, cursor, p -> p.getList("items").size() == 2);
        assertEquals(List.of((int) first, (int) second), ids(page));
        assertEquals(1, page.getInt("items[0].version"));
        assertEquals("retracted", page.getString("items[1].status"));
    }

    @Test
    void aChangeWaitsUntilEveryEarlierTransactionHasEnded() throws SQLException {
        String pollster = newPollster();
        long early = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        long late = submit(poll(pollster, "1000", "2024-01-26", 50, 37));
        String cursor = changes(pollster, null, p -> p.getLong("total") == 2).getString("nextCursor");
        var config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            db.setAutoCommit(false);
            try (PreparedStatement touch = db.prepareStatement("update poll set notes = 'checked' where id = ?")) {
                touch.setLong(1, early);
                touch.executeUpdate(); // this transaction now has an id lower than the revision's below
            }
            given().contentType(ContentType.JSON)
                    .header("If-Match", "\"poll-" + late + "-v0\"")
                    .body(poll(pollster, "1100", "2024-01-26", 50, 37))
                    .put("/polls/" + late)
                    .then()
                    .statusCode(200);
            // the revision is committed, but a page giving it now would skip the earlier transaction's change
            given().queryParam("cursor", cursor)
                    .get("/polls")
                    .then()
                    .statusCode(200)
                    .body("items", empty())
                    .body("nextCursor", equalTo(cursor));
            db.commit();
        }
        JsonPath page = changes(pollster, cursor, p -> p.getList("items").size() == 2);
        assertEquals(List.of((int) early, (int) late), ids(page));
    }

    @Test
    void updatedSinceLeavesOutPollsNotChangedSince() {
        String pollster = newPollster();
        submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        given().queryParam("pollster", pollster)
                .queryParam("updatedSince", "2099-01-01T00:00:00Z")
                .get("/polls")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0))
                .body("nextCursor", notNullValue());
    }

    @Test
    void mirroringRefusesSearchParametersAndForeignCursors() {
        given().queryParam("updatedSince", "2024-01-01")
                .queryParam("sort", "id")
                .queryParam("q", "hostages")
                .get("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("q", "sort"));
        given().queryParam("cursor", "not-a-cursor")
                .get("/polls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().queryParam("updatedSince", "yesterday")
                .get("/polls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        given().queryParam("updatedSince", "2024-01-01")
                .queryParam("pollster", "no-such-pollster-anywhere")
                .get("/polls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pollster"));
    }

    @Test
    void pollsAsCsvHaveOneRowPerQuestionAndOptionInTheDocumentedColumns() {
        String pollster = newPollster();
        long id = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        String csv = given().accept("text/csv")
                .queryParam("pollster", pollster)
                .get("/polls")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("ETag", notNullValue())
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertEquals(
                "poll_id,poll_version,status,pollster,pollster_name,sponsor,field_start,field_end,published_on,"
                        + "population,country,mode,sample_size,margin_of_error,question_id,question_wording,"
                        + "question_topics,option_position,option_label,percentage,updated_at",
                lines[0]);
        assertEquals(4, lines.length, csv);
        List<String> firstRow = fields(lines[1]);
        assertEquals(
                List.of(Long.toString(id), "0", "published", pollster, "Pollster " + pollster, ""),
                firstRow.subList(0, 6));
        assertEquals(
                List.of("2024-01-20", "2024-01-25", "", "adults", "IL", "online", "1000"), firstRow.subList(6, 13));
        assertEquals("What should be the main goal of the war?", firstRow.get(15));
        assertEquals(
                List.of("israel-hamas-war;hostages", "1", "Returning the hostages", "51.0"), firstRow.subList(16, 20));
        assertEquals(List.of("3", "Don't know", "5.0"), fields(lines[3]).subList(17, 20));
        // the same rows through the mirroring read
        String mirrored = given().accept("text/csv")
                .queryParam("pollster", pollster)
                .queryParam("updatedSince", "2000-01-01")
                .get("/polls")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(csv, mirrored);
        given().queryParam("pollster", pollster).get("/polls").then().contentType(ContentType.JSON);
    }

    /** Splits one CSV line (RFC 4180 quoting). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
