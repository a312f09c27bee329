package org.pollwatch.polls;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every kind of bad poll gets a 400 problem naming the field, and nothing is stored. */
@QuarkusTest
class PollValidationTest {

    private static ValidatableResponse submitRejected(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/polls"))
                .body(not(containsString("Exception")));
    }

    @Test
    void malformedJson() {
        submitRejected("{\"pollster\": \"x\", ").body("title", equalTo("Malformed JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        String body = poll(newPollster(), "\"many\"", "2024-01-25", 51, 36);
        submitRejected(body)
                .body("errors[0].field", equalTo("sampleSize"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void wrongDateFormatNamesTheField() {
        String body = poll(newPollster(), "1000", "25/01/2024", 51, 36);
        submitRejected(body).body("errors[0].field", equalTo("fieldEnd"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheChoices() {
        String body = poll(newPollster(), "1000", "2024-01-25", 51, 36).replace("\"adults\"", "\"martians\"");
        submitRejected(body)
                .body("errors[0].field", equalTo("population"))
                .body("errors[0].message", containsString("likely_voters"));
    }

    @Test
    void unknownPropertyIsRejected() {
        String body =
                poll(newPollster(), "1000", "2024-01-25", 51, 36).replaceFirst("\"sampleSize\"", "\"sampleSise\"");
        submitRejected(body).body("errors[0].field", equalTo("sampleSise"));
    }

    @Test
    void unknownPollster() {
        submitRejected(poll("no-such-pollster", "1000", "2024-01-25", 51, 36))
                .body("errors.field", hasItem("pollster"))
                .body("detail", containsString("no-such-pollster"));
    }

    @Test
    void percentageOutOfRangeAndTooPrecise() {
        String body = poll(newPollster(), "1000", "2024-01-25", 51, 36)
                .replace("\"percentage\": 51", "\"percentage\": 101")
                .replace("\"percentage\": 36", "\"percentage\": 3.25");
        submitRejected(body)
                .body(
                        "errors.field",
                        hasItems("questions[0].options[0].percentage", "questions[0].options[1].percentage"));
        submitRejected(poll(newPollster(), "1000", "2024-01-25", -1, 36))
                .body("errors.field", hasItem("questions[0].options[0].percentage"));
    }

    @Test
    void singleAnswerOptionsMaySumTo101ButNotMore() {
        String pollster = newPollster();
        // 51 + 45 + 5 = 101: rounding, accepted
        given().contentType(ContentType.JSON)
                .body(poll(pollster, "1000", "2024-01-25", 51, 45))
                .post("/polls")
                .then()
                .statusCode(201);
        // 51 + 46 + 5 = 102: refused
        submitRejected(poll(pollster, "1000", "2024-01-25", 51, 46))
                .body("errors[0].field", equalTo("questions[0].options"))
                .body("errors[0].message", containsString("102"));
        // the same shares on a multiple-answer question are fine
        String multiple = poll(pollster, "1000", "2024-01-25", 80, 70)
                .replace("\"topics\"", "\"multipleAnswers\": true, \"topics\"")
                .replace("\"Returning the hostages\": 47, \"Toppling Hamas\": 42", "\"Returning the hostages\": 47");
        given().contentType(ContentType.JSON)
                .body(multiple)
                .post("/polls")
                .then()
                .statusCode(201);
    }

    @Test
    void endDateBeforeStartDate() {
        submitRejected(poll(newPollster(), "1000", "2024-01-10", 51, 36))
                .body("errors[0].field", equalTo("fieldEnd"))
                .body("errors[0].message", containsString("2024-01-20"));
    }

    @Test
    void sampleSizeMustBePositive() {
        submitRejected(poll(newPollster(), "0", "2024-01-25", 51, 36)).body("errors[0].field", equalTo("sampleSize"));
        submitRejected(poll(newPollster(), "-5", "2024-01-25", 51, 36)).body("errors[0].field", equalTo("sampleSize"));
    }

    @Test
    void subgroupNamingAnOptionTheQuestionLacks() {
        String body = poll(newPollster(), "1000", "2024-01-25", 51, 36)
                .replace(
                        "{\"Returning the hostages\": 69, \"Toppling Hamas\": 8}",
                        "{\"Returning the hostages\": 69, \"Ceasefire\": 8}");
        submitRejected(body)
                .body("errors[0].field", equalTo("questions[0].subgroups[1].percentages[Ceasefire]"))
                .body("errors[0].message", containsString("lacks"));
    }

    @Test
    void missingRequiredFieldsAreAllListed() {
        submitRejected("{\"pollster\": \"x\", \"questions\": []}")
                .body("errors.field", hasItems("fieldStart", "fieldEnd", "population", "country", "questions"));
    }

    @Test
    void emptyBody() {
        given().contentType(ContentType.JSON)
                .post("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMediaTypeIs415() {
        given().contentType(ContentType.TEXT)
                .body("hello")
                .post("/polls")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void failedSubmissionLeavesNothingBehind() {
        String pollster = newPollster();
        // valid first question, invalid second one (options sum to 150): the whole poll is refused
        String body = poll(pollster, "1000", "2024-01-25", 51, 36).replace("\"questions\": [", """
                "questions": [
                  {"wording": "Second question", "options": [{"label": "Yes", "percentage": 80}, {"label": "No", "percentage": 70}]},
                """);
        submitRejected(body).body("errors[0].field", equalTo("questions[0].options"));
        given().queryParam("pollster", pollster)
                .queryParam("includeRetracted", true)
                .get("/polls")
                .then()
                .body("total", equalTo(0));
        given().queryParam("q", "Second question").get("/polls").then().body("total", equalTo(0));
    }

    @Test
    void failedRevisionLeavesThePollAsItWas() {
        String pollster = newPollster();
        long id = given().contentType(ContentType.JSON)
                .body(poll(pollster, "1000", "2024-01-25", 51, 36))
                .post("/polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v0\"")
                .body(poll(pollster, "1000", "2024-01-10", 51, 36))
                .put("/polls/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fieldEnd"));
        given().get("/polls/" + id)
                .then()
                .body("version", equalTo(0))
                .body("status", equalTo("published"))
                .body("fieldEnd", equalTo("2024-01-25"));
        given().get("/polls/" + id + "/revisions").then().body("size()", equalTo(0));
    }
}
