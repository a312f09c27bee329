package org.pollwatch.series.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.pollwatch.series.SeriesFixtures.newSeries;
import static org.pollwatch.series.SeriesFixtures.poll;
import static org.pollwatch.series.SeriesFixtures.submit;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeriesResourceTest {

    @Test
    void seriesIsCreatedReadAndListed() {
        given().contentType(ContentType.JSON)
                .body("""
                {"key": "biden-covid-approval-test", "title": "Biden approval on the coronavirus response",
                 "choices": [{"key": "approve", "label": "Approve"}, {"key": "disapprove", "label": "Disapprove"}],
                 "populationPreference": ["adults", "registered_voters"]}
                """)
                .post("/series")
                .then()
                .statusCode(201)
                .header("Location", containsString("/series/biden-covid-approval-test"))
                .body("key", equalTo("biden-covid-approval-test"))
                .body("choices.key", contains("approve", "disapprove"))
                .body("populationPreference", contains("adults", "registered_voters"))
                .body("defaultPopulationPreference", equalTo(false))
                .body("questions", equalTo(0));
        given().get("/series/biden-covid-approval-test")
                .then()
                .statusCode(200)
                .body("title", equalTo("Biden approval on the coronavirus response"));
        given().get("/series").then().statusCode(200).body("key", hasItem("biden-covid-approval-test"));

        String key = newSeries();
        given().get("/series/" + key)
                .then()
                .statusCode(200)
                .body("populationPreference", contains("likely_voters", "registered_voters", "voters", "adults"))
                .body("defaultPopulationPreference", equalTo(true));
    }

    @Test
    void invalidOrDuplicateSeriesIsRefused() {
        String key = newSeries();
        given().contentType(ContentType.JSON)
                .body("""
                {"key": "%s", "title": "Again", "choices": [{"key": "yes", "label": "Yes"}]}
                """.formatted(key))
                .post("/series")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("""
                {"key": "Not A Key", "title": "", "choices": []}
                """)
                .post("/series")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("key"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("choices"));
        given().get("/series/no-such-series").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void patchChangesTitleAndDescriptionAndRefusesBadChanges() {
        String key = newSeries();
        given().contentType("application/merge-patch+json")
                .body("""
                {"title": "  Renamed  ", "description": "Asked monthly"}
                """)
                .patch("/series/" + key)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("description", equalTo("Asked monthly"))
                .body("defaultPopulationPreference", equalTo(true));
        given().contentType("application/merge-patch+json")
                .body("""
                {"description": ""}
                """)
                .patch("/series/" + key)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("description", nullValue());
        given().contentType("application/merge-patch+json")
                .body("""
                {"title": "   ", "populationPreference": ["adults", "adults"]}
                """)
                .patch("/series/" + key)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        given().contentType("application/merge-patch+json")
                .body("""
                {"populationPreference": ["adults", "adults"]}
                """)
                .patch("/series/" + key)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("populationPreference"));
        given().contentType("application/merge-patch+json")
                .body("""
                {"populationPreference": ["martians"]}
                """)
                .patch("/series/" + key)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .none()
                .contentType("application/merge-patch+json")
                .body("{\"title\": \"Anonymous\"}")
                .patch("/series/" + key)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().get("/series/" + key).then().body("title", equalTo("Renamed"));
        given().contentType("application/merge-patch+json")
                .body("{}")
                .patch("/series/no-such-series")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void questionJoinsOnSubmission() {
        String key = newSeries();
        String pollster = newPollster();
        long id = submit(poll(pollster, key, "2021-03-01", "2021-03-03", "2021-03-04", "adults", 1000, 55, 40));
        given().get("/series/" + key + "/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].pollId", equalTo((int) id))
                .body("items[0].pollster.slug", equalTo(pollster))
                .body("items[0].availableFrom", equalTo("2021-03-04"))
                .body("items[0].population", equalTo("adults"))
                .body("items[0].shares.approve", equalTo(55.0f))
                .body("items[0].shares.disapprove", equalTo(40.0f))
                .body("items[0].shares.size()", equalTo(2));
        given().get("/series/" + key).then().body("questions", equalTo(1));
    }

    @Test
    void trackingFlagIsStoredAndServed() {
        String body = poll(newPollster(), null, "2021-03-01", "2021-03-03", null, "adults", 1000, 55, 40)
                .replace("\"country\": \"US\",", "\"country\": \"US\", \"tracking\": true,");
        long id = submit(body);
        given().get("/polls/" + id).then().statusCode(200).body("tracking", equalTo(true));
        long other = submit(poll(newPollster(), null, "2021-03-01", "2021-03-03", null, "adults", 1000, 55, 40));
        given().get("/polls/" + other).then().statusCode(200).body("tracking", equalTo(false));
    }

    @Test
    void unknownSeriesOrUnmappableOptionOnSubmissionIs400NamingTheField() {
        String pollster = newPollster();
        given().contentType(ContentType.JSON)
                .body(poll(pollster, "no-such-series", "2021-03-01", "2021-03-03", null, "adults", 1000, 55, 40))
                .post("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("questions[0].series"));
        String key = newSeries();
        // "Not sure" matches no choice and is not mapped to null
        String unmapped = poll(pollster, key, "2021-03-01", "2021-03-03", null, "adults", 1000, 55, 40)
                .replace(", \"seriesChoices\": {\"Not sure\": null}", "");
        given().contentType(ContentType.JSON)
                .body(unmapped)
                .post("/polls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].options[2].label"))
                .body("errors[0].message", containsString("Not sure"));
        String wrongChoice = poll(pollster, key, "2021-03-01", "2021-03-03", null, "adults", 1000, 55, 40)
                .replace("{\"Not sure\": null}", "{\"Not sure\": \"undecided\"}");
        given().contentType(ContentType.JSON)
                .body(wrongChoice)
                .post("/polls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].seriesChoices[Not sure]"));
        String unknownLabel = poll(pollster, key, "2021-03-01", "2021-03-03", null, "adults", 1000, 55, 40)
                .replace("{\"Not sure\": null}", "{\"Not sure\": null, \"Maybe\": \"approve\"}");
        given().contentType(ContentType.JSON)
                .body(unknownLabel)
                .post("/polls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questions[0].seriesChoices[Maybe]"));
        given().get("/series/" + key + "/polls").then().body("total", equalTo(0));
    }

    @Test
    void questionJoinsLaterThroughTheApi() {
        String key = newSeries();
        long pollId =
                submit(poll(newPollster(), null, "2021-03-01", "2021-03-03", null, "registered_voters", 900, 52, 44)
                        .replace("\"Approve\"", "\"Strongly or somewhat approve\""));
        long questionId = given().get("/polls/" + pollId).jsonPath().getLong("questions[0].id");
        given().get("/series/" + key + "/polls").then().body("total", equalTo(0));

        // without a mapping, the renamed option and "Not sure" match no choice
        given().contentType(ContentType.JSON)
                .body("{\"questionId\": " + questionId + "}")
                .post("/series/" + key + "/questions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("options[0].label", "options[2].label"));
        given().contentType(ContentType.JSON)
                .body("{\"questionId\": 999999999}")
                .post("/series/" + key + "/questions")
                .then()
                .statusCode(400)
                .body("errors.field", contains("questionId"));

        given().contentType(ContentType.JSON)
                .body("""
                {"questionId": %d, "seriesChoices": {"Strongly or somewhat approve": "approve", "Not sure": null}}
                """.formatted(questionId))
                .post("/series/" + key + "/questions")
                .then()
                .statusCode(200)
                .body("series", equalTo(key))
                .body("pollId", equalTo((int) pollId))
                .body("choices.'Strongly or somewhat approve'", equalTo("approve"))
                .body("choices.Disapprove", equalTo("disapprove"));
        given().get("/series/" + key + "/polls")
                .then()
                .body("total", equalTo(1))
                .body("items[0].shares.approve", equalTo(52.0f));

        // one series per question
        given().contentType(ContentType.JSON)
                .body("""
                {"questionId": %d, "seriesChoices": {"Strongly or somewhat approve": "approve", "Not sure": null}}
                """.formatted(questionId))
                .post("/series/" + newSeries() + "/questions")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body("{\"questionId\": " + questionId + "}")
                .post("/series/no-such-series/questions")
                .then()
                .statusCode(404);
    }

    @Test
    void seriesPollsArePagedNewestFirstAndLeaveOutRetracted() {
        String key = newSeries();
        String pollster = newPollster();
        long first = submit(poll(pollster, key, "2021-03-01", "2021-03-02", null, "adults", 1000, 50, 45));
        long second = submit(poll(pollster, key, "2021-03-05", "2021-03-06", null, "adults", 1000, 51, 44));
        long third = submit(poll(pollster, key, "2021-03-08", "2021-03-09", null, "adults", 1000, 52, 43));
        given().queryParam("size", "2")
                .get("/series/" + key + "/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.pollId", contains((int) third, (int) second));
        given().queryParam("size", "2")
                .queryParam("page", "1")
                .get("/series/" + key + "/polls")
                .then()
                .body("items.pollId", contains((int) first));
        given().queryParam("reason", "Fabricated")
                .delete("/polls/" + second)
                .then()
                .statusCode(200);
        given().get("/series/" + key + "/polls")
                .then()
                .body("total", equalTo(2))
                .body("items", hasSize(2));
        given().queryParam("includeRetracted", "true")
                .get("/series/" + key + "/polls")
                .then()
                .body("total", equalTo(3));
        given().queryParam("size", "x")
                .get("/series/" + key + "/polls")
                .then()
                .statusCode(400)
                .body("errors.field", contains("size"));
    }
}
