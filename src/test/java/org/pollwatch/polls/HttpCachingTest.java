package org.pollwatch.polls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** ETags, Cache-Control and 304 answers of the public reads. */
@QuarkusTest
class HttpCachingTest {

    @Test
    void pollsterAnswers304ToItsETag() {
        String slug = newPollster();
        String etag = given().get("/pollsters/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .header("ETag", startsWith("\"pollster-"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/pollsters/" + slug)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyOrNullString());
        given().header("If-None-Match", "\"pollster-0000\"")
                .get("/pollsters/" + slug)
                .then()
                .statusCode(200)
                .body("slug", equalTo(slug));
        assertNotEquals(
                etag, given().get("/pollsters/" + newPollster()).header("ETag"), "another pollster has another tag");
        given().header("If-None-Match", etag)
                .get("/pollsters/no-such-pollster")
                .then()
                .statusCode(404);
    }

    @Test
    void pollListAnswers304UntilAListedPollChanges() {
        String pollster = newPollster();
        long first = submit(poll(pollster, "1000", "2024-01-22", 51, 36));
        String etag = listTag(pollster);
        given().queryParam("pollster", pollster)
                .get("/polls")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .header("ETag", startsWith("\"polls-"));
        given().queryParam("pollster", pollster)
                .header("If-None-Match", etag)
                .get("/polls")
                .then()
                .statusCode(304)
                .body(emptyOrNullString());
        assertEquals(etag, listTag(pollster), "same data, same tag");

        // a new poll
        long second = submit(poll(pollster, "1000", "2024-01-28", 49, 38));
        String afterSubmit = listTag(pollster);
        assertNotEquals(etag, afterSubmit);
        given().queryParam("pollster", pollster)
                .header("If-None-Match", etag)
                .get("/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));

        // a revision of a listed poll
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + first + "-v0\"")
                .body(poll(pollster, "1200", "2024-01-22", 52, 35))
                .put("/polls/" + first)
                .then()
                .statusCode(200);
        String afterRevision = listTag(pollster);
        assertNotEquals(afterSubmit, afterRevision);

        // a retraction
        given().queryParam("reason", "Withdrawn")
                .delete("/polls/" + second)
                .then()
                .statusCode(200);
        assertNotEquals(afterRevision, listTag(pollster));

        // the tag depends on the page asked for
        assertNotEquals(
                listTag(pollster),
                given().queryParam("pollster", pollster)
                        .queryParam("size", "1")
                        .get("/polls")
                        .header("ETag"));
    }

    @Test
    void pollsOfAPollsterAnswer304ToTheirETag() {
        String pollster = newPollster();
        submit(poll(pollster, "900", "2024-01-25", 51, 36));
        String etag = given().get("/pollsters/" + pollster + "/polls")
                .then()
                .statusCode(200)
                .header("ETag", startsWith("\"polls-"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/pollsters/" + pollster + "/polls")
                .then()
                .statusCode(304);
        submit(poll(pollster, "900", "2024-01-26", 50, 36));
        given().header("If-None-Match", etag)
                .get("/pollsters/" + pollster + "/polls")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    @Test
    void everyRevisionChangesThePollsETag() {
        String pollster = newPollster();
        long id = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        String v0 = given().get("/polls/" + id).header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v0\"")
                .body(poll(pollster, "1000", "2024-01-25", 50, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(200);
        String v1 = given().get("/polls/" + id).header("ETag");
        // second revision: only an option's share changes, the poll row itself is already "revised"
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v1\"")
                .body(poll(pollster, "1000", "2024-01-25", 49, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(200);
        String v2 = given().get("/polls/" + id).header("ETag");
        assertNotEquals(v0, v1);
        assertNotEquals(v1, v2);
        given().header("If-None-Match", v1)
                .get("/polls/" + id)
                .then()
                .statusCode(200)
                .body("questions[0].options[0].percentage", equalTo(49.0f));
        // each revision is kept under its own number
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v2\"")
                .body(poll(pollster, "1000", "2024-01-25", 48, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
        given().get("/polls/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", org.hamcrest.Matchers.contains(0, 1, 2));
    }

    private static String listTag(String pollster) {
        return given().queryParam("pollster", pollster)
                .get("/polls")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
