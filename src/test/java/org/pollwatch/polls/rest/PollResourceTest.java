package org.pollwatch.polls.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PollResourceTest {

    @Test
    void seededIdiPollIsServedWithUnknownSampleSize() {
        long id = given().queryParam("pollster", "israel-democracy-institute")
                .get("/polls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().get("/polls/" + id)
                .then()
                .statusCode(200)
                .body("pollster.slug", equalTo("israel-democracy-institute"))
                .body("publishedOn", equalTo("2024-02-06"))
                .body("sampleSize", nullValue())
                .body("questions[0].options.label", contains("Returning the hostages", "Toppling Hamas"))
                .body("questions[0].options.percentage", contains(51.0f, 36.0f))
                .body(
                        "questions[0].subgroups.find { it.label == 'Arab Israelis' }.percentages['Returning the hostages']",
                        equalTo(69.0f));
    }

    @Test
    void aPollsterFilterNamingNoPollsterIsRefusedNotAnsweredEmpty() {
        given().queryParam("pollster", "no-such-pollster-anywhere")
                .get("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("pollster"))
                .body("errors[0].message", containsString("'no-such-pollster-anywhere'"));
    }

    @Test
    void submitAnswersWithTheStoredPoll() {
        given().contentType(ContentType.JSON)
                .body(poll(newPollster(), "1000", "2024-01-25", 51, 36))
                .post("/polls")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/polls/"))
                .body("id", notNullValue())
                .body("version", equalTo(0))
                .body("status", equalTo("published"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("questions[0].id", notNullValue())
                .body("questions[0].options[0].id", notNullValue())
                .body("questions[0].subgroups[0].id", notNullValue())
                .body("questions[0].options.percentage", contains(51.0f, 36.0f, 5.0f));
    }

    @Test
    void submitStoresTheWholeDocumentAndReadsItBack() {
        String pollster = newPollster();
        long id = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        given().get("/polls/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"poll-" + id + "-v0\""))
                .body("id", equalTo((int) id))
                .body("pollster.slug", equalTo(pollster))
                .body("fieldEnd", equalTo("2024-01-25"))
                .body("population", equalTo("adults"))
                .body("mode", equalTo("online"))
                .body("status", equalTo("published"))
                .body("sampleSize", equalTo(1000))
                .body("questions", hasSize(1))
                .body("questions[0].topics", contains("israel-hamas-war", "hostages"))
                .body("questions[0].options", hasSize(3))
                .body("questions[0].options[2].label", equalTo("Don't know"))
                .body("questions[0].subgroups", hasSize(2))
                .body("questions[0].subgroups.find { it.label == 'Jewish Israelis' }.sampleSize", equalTo(500));
    }

    @Test
    void unchangedPollAnswers304ToItsETag() {
        long id = submit(poll(newPollster(), "800", "2024-01-25", 50, 40));
        String etag =
                given().get("/polls/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/polls/" + id).then().statusCode(304);
    }

    @Test
    void searchFiltersSortsAndPages() {
        String pollster = newPollster();
        long older = submit(poll(pollster, "1000", "2024-01-22", 51, 36));
        long newer = submit(poll(pollster, "1000", "2024-01-28", 49, 38));
        given().queryParam("pollster", pollster)
                .get("/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains((int) newer, (int) older))
                .body("items[0].questions[0].wording", containsString("main goal"));
        given().queryParam("pollster", pollster)
                .queryParam("sort", "fieldEnd")
                .queryParam("size", "1")
                .get("/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("size", equalTo(1))
                .body("items.id", contains((int) older));
        given().queryParam("pollster", pollster)
                .queryParam("from", "2024-01-25")
                .get("/polls")
                .then()
                .body("items.id", contains((int) newer));
        given().queryParam("pollster", pollster)
                .queryParam("topic", "hostages")
                .queryParam("q", "MAIN GOAL")
                .queryParam("population", "adults")
                .queryParam("country", "il")
                .get("/polls")
                .then()
                .body("total", equalTo(2));
        given().queryParam("pollster", pollster)
                .queryParam("q", "no such wording")
                .get("/polls")
                .then()
                .body("total", equalTo(0));
        given().queryParam("size", "1000").get("/polls").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void reviseKeepsThePreviousVersionInTheHistory() {
        long id = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        String revised =
                poll(given().get("/polls/" + id).jsonPath().getString("pollster.slug"), "1200", "2024-01-26", 52, 35);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v0\"")
                .queryParam("reason", "Pollster corrected the weighting")
                .body(revised)
                .put("/polls/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("revised"))
                .body("version", equalTo(1))
                .body("sampleSize", equalTo(1200))
                .body("questions[0].options[0].percentage", equalTo(52.0f));
        given().get("/polls/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].revision", equalTo(0))
                .body("[0].reason", equalTo("Pollster corrected the weighting"))
                .body("[0].poll.sampleSize", equalTo(1000))
                .body("[0].poll.fieldEnd", equalTo("2024-01-25"))
                .body("[0].poll.questions[0].options[0].percentage", equalTo(51.0f));
        // question and option ids survive a revision
        long questionBefore =
                given().get("/polls/" + id + "/revisions").jsonPath().getLong("[0].poll.questions[0].id");
        given().get("/polls/" + id).then().body("questions[0].id", equalTo((int) questionBefore));
    }

    @Test
    void reviseWithAStaleETagIsRefused() {
        long id = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        String slug = given().get("/polls/" + id).jsonPath().getString("pollster.slug");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v0\"")
                .body(poll(slug, "1000", "2024-01-25", 50, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v0\"")
                .body(poll(slug, "1000", "2024-01-25", 49, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().get("/polls/" + id).then().body("questions[0].options[0].percentage", equalTo(50.0f));
    }

    @Test
    void retractKeepsThePollFlaggedAndOutOfLists() {
        String pollster = newPollster();
        long id = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        given().delete("/polls/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().queryParam("reason", "Fabricated responses")
                .delete("/polls/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("retracted"))
                .body("retraction.reason", equalTo("Fabricated responses"))
                .body("retraction.retractedAt", notNullValue());
        given().get("/polls/" + id).then().statusCode(200).body("status", equalTo("retracted"));
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(0));
        given().queryParam("pollster", pollster)
                .queryParam("includeRetracted", true)
                .get("/polls")
                .then()
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("retracted"));
        given().contentType(ContentType.JSON)
                .header("If-Match", given().get("/polls/" + id).header("ETag"))
                .body(poll(pollster, "1000", "2024-01-25", 51, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(409);
    }

    @Test
    void unknownPollIs404Problem() {
        given().get("/polls/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString("987654321"));
        given().get("/polls/987654321/revisions").then().statusCode(404);
        given().queryParam("reason", "x").delete("/polls/987654321").then().statusCode(404);
    }

    @Test
    void badSearchParametersAreNamed() {
        given().queryParam("from", "yesterday")
                .get("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("population", "martians")
                .get("/polls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("population"));
        given().queryParam("sort", "colour")
                .get("/polls")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("page", "-1").get("/polls").then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void listedPollsAreAllPublishedOrRevised() {
        given().queryParam("size", 100)
                .get("/polls")
                .then()
                .statusCode(200)
                .body("items.status", everyItem(org.hamcrest.Matchers.not("retracted")))
                .body("items.pollster.slug", hasItem("israel-democracy-institute"))
                .body("items[0].fieldEnd", startsWith("20"));
    }
}
