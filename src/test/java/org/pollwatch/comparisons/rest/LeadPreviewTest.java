package org.pollwatch.comparisons.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestKeys;

@QuarkusTest
class LeadPreviewTest {

    @Test
    void previewGivesTheVerdictThePublishedPollGetsAndStoresNothing() {
        String pollster = newPollster();
        String document = poll(pollster, "null", "2024-01-25", 51, 36);
        // like every POST it takes a key, any pollster's: it stores nothing
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body(document)
                .post("/comparisons/lead-preview")
                .then()
                .statusCode(401);
        String previewed = given().auth()
                .oauth2(TestKeys.pollsterKey(newPollster()).key())
                .contentType(ContentType.JSON)
                .body(document)
                .post("/comparisons/lead-preview")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].question", equalTo(0))
                .body("[0].a.label", equalTo("Returning the hostages"))
                .body("[0].b.label", equalTo("Toppling Hamas"))
                .body("[0].verdict", equalTo("unknown_sample_size"))
                .body("[0].minimumSampleSizeForSignificance", equalTo(145))
                .extract()
                .path("[0].summary");
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(0));

        long id = submit(document);
        long question = given().get("/polls/" + id).then().extract().jsonPath().getLong("questions[0].id");
        String published = given().get("/polls/" + id + "/questions/" + question + "/comparison")
                .then()
                .statusCode(200)
                .extract()
                .path("summary");
        assertEquals(published, previewed);
    }

    @Test
    void aKnownSampleSizeGivesALeadWithItsMargin() {
        given().contentType(ContentType.JSON)
                .body(poll(newPollster(), "1000", "2024-01-25", 56, 33))
                .queryParam("confidence", "99")
                .post("/comparisons/lead-preview")
                .then()
                .statusCode(200)
                .body("[0].verdict", equalTo("lead"))
                .body("[0].lead", equalTo(23.0f))
                .body("[0].marginOfError", notNullValue())
                .body("[0].summary", containsString("leads 'Toppling Hamas' by 23 points"));
    }

    @Test
    void invalidDocumentsGetTheSubmissionsFieldMessages() {
        String document = poll(newPollster(), "1000", "2024-01-25", 51, 36)
                .replace("\"country\": \"IL\"", "\"country\": \"Israel\"")
                .replace("\"percentage\": 51", "\"percentage\": 151");
        given().contentType(ContentType.JSON)
                .body(document)
                .post("/comparisons/lead-preview")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("country", "questions[0].options[0].percentage"))
                .body(
                        "errors.find { it.field == 'country' }.message",
                        equalTo("must be an ISO 3166-1 alpha-2 code such as IL or US"));
        given().contentType(ContentType.JSON)
                .body(poll(newPollster(), "1000", "2024-01-31", 51, 36).replace("\"2024-01-20\"", "\"2024-02-20\""))
                .post("/comparisons/lead-preview")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("fieldEnd"));
    }

    @Test
    void questionsWithSeveralAnswersHaveNoLeadTest() {
        given().contentType(ContentType.JSON)
                .body(poll(newPollster(), "1000", "2024-01-25", 51, 36)
                        .replace("\"topics\"", "\"multipleAnswers\": true, \"topics\""))
                .post("/comparisons/lead-preview")
                .then()
                .statusCode(200)
                .body("[0].verdict", equalTo("not_applicable"))
                .body("[0].lead", nullValue())
                .body("[0].summary", containsString("several answers"));
    }
}
