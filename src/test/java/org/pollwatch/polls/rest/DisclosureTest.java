package org.pollwatch.polls.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pollwatch.series.SeriesFixtures;

/** The disclosure score of polls and pollsters, and the trend filter on it, through the API. */
@QuarkusTest
class DisclosureTest {

    /** 11 of the 12 items: round(100 * 11 / 12). */
    private static final int ALL_BUT_ONE = 92;

    @Test
    void aPollThatGivesEveryItemScoresOneHundred() {
        long id = submit(fullyDisclosed(newPollster()));
        given().get("/polls/" + id)
                .then()
                .statusCode(200)
                .body("conductedBy", equalTo("Field Research Ltd"))
                .body("samplingFrame", equalTo("Address-based sample of Israeli households"))
                .body("sampleDesign", equalTo("Stratified random sample, quotas by sector"))
                .body("designEffect", equalTo(1.3f))
                .body("sponsorPartisanship", equalTo("nonpartisan"))
                .body("disclosure.score", equalTo(100))
                .body("disclosure.disclosed", hasSize(12))
                .body("disclosure.missing", empty());
    }

    @ParameterizedTest(name = "{0} missing")
    @CsvSource({
        "sponsor, sponsor",
        "populationDescription, population",
        "samplingFrame, samplingFrame",
        "sampleDesign, sampleDesign",
        "mode, mode",
        "language, languages",
        "sampleSize, sampleSize",
        "marginOfError, precision",
        "weighting, weighting",
        "sourceUrl, fullReport",
        "sponsorPartisanship, partisanship"
    })
    void eachItemIsMissingWhenItsFieldIsLeftOut(String field, String item) {
        Map<String, Object> document = fullyDisclosed(newPollster());
        document.remove(field);
        given().contentType(ContentType.JSON)
                .body(document)
                .post("/polls")
                .then()
                .statusCode(201)
                .body("disclosure.missing", contains(item))
                .body("disclosure.disclosed", hasSize(11))
                .body("disclosure.score", equalTo(ALL_BUT_ONE));
        if (List.of("sponsor", "populationDescription", "samplingFrame", "sampleDesign", "language", "weighting")
                .contains(field)) {
            document.put(field, "   ");
            given().contentType(ContentType.JSON)
                    .body(document)
                    .post("/polls")
                    .then()
                    .statusCode(201)
                    .body("disclosure.missing", contains(item));
        }
    }

    @Test
    void theSeededIdiPollGivesFiveOfTheTwelveItems() {
        // wording, population description, mode (mixed), languages (he, ar) and the report's link;
        // the release names no sponsor, sample size, margin of error or weighting (V2 seed migration)
        long id = given().queryParam("pollster", "israel-democracy-institute")
                .get("/polls")
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().get("/polls/" + id)
                .then()
                .body("disclosure.disclosed", contains("wording", "population", "mode", "languages", "fullReport"))
                .body("disclosure.score", equalTo(42));
    }

    @Test
    void aRevisionIsScoredAgainAndListsShowTheScore() {
        String pollster = newPollster();
        Map<String, Object> document = fullyDisclosed(pollster);
        long id = submit(document);
        document.remove("weighting");
        document.remove("sourceUrl");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + id + "-v0\"")
                .body(document)
                .put("/polls/" + id)
                .then()
                .statusCode(200)
                .body("disclosure.missing", contains("weighting", "fullReport"))
                .body("disclosure.score", equalTo(83));
        given().get("/polls/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("[0].poll.disclosure.score", equalTo(100));
        given().queryParam("pollster", pollster).get("/polls").then().body("items.disclosureScore", contains(83));
    }

    @Test
    void aPollsterScoresTheMeanOfItsPollsThatAreNotRetracted() {
        String pollster = newPollster();
        given().get("/pollsters/" + pollster + "/disclosure")
                .then()
                .statusCode(200)
                .body("polls", equalTo(0))
                .body("averageScore", equalTo(null))
                .body("items", hasSize(12));
        submit(fullyDisclosed(pollster));
        Map<String, Object> sparse = fullyDisclosed(pollster);
        for (String field : List.of("sponsor", "samplingFrame", "sampleDesign", "weighting", "sponsorPartisanship")) {
            sparse.remove(field);
        }
        submit(sparse); // 7 of 12: 58
        long retracted = submit(sparse);
        given().queryParam("reason", "Wrong field dates")
                .delete("/polls/" + retracted)
                .then()
                .statusCode(200);

        String etag = given().get("/pollsters/" + pollster + "/disclosure")
                .then()
                .statusCode(200)
                .body("pollster.slug", equalTo(pollster))
                .body("polls", equalTo(2))
                .body("averageScore", equalTo(79.0f)) // (100 + 58) / 2
                .body("items.find { it.item == 'weighting' }.polls", equalTo(1))
                .body("items.find { it.item == 'weighting' }.share", equalTo(50.0f))
                .body("items.find { it.item == 'mode' }.share", equalTo(100.0f))
                .body(
                        "items.find { it.item == 'mode' }.meaning",
                        equalTo("mode: how respondents were interviewed (the field dates are required)"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/pollsters/" + pollster + "/disclosure")
                .then()
                .statusCode(304);
        submit(fullyDisclosed(pollster));
        given().header("If-None-Match", etag)
                .get("/pollsters/" + pollster + "/disclosure")
                .then()
                .statusCode(200)
                .body("polls", equalTo(3));
    }

    @Test
    void anUnknownPollsterHasNoDisclosure() {
        given().get("/pollsters/no-such-pollster-here/disclosure")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badDisclosureFieldsAreRefusedNamingTheFieldAndNothingIsStored() {
        String pollster = newPollster();
        Map<String, Object> document = fullyDisclosed(pollster);
        refusedNaming(document, "sponsorPartisanship", "bipartisan");
        refusedNaming(document, "designEffect", 0.8);
        refusedNaming(document, "samplingFrame", "x".repeat(1001));
        refusedNaming(document, "sampleDesign", List.of("not", "text"));
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(0));
    }

    private static void refusedNaming(Map<String, Object> valid, String field, Object badValue) {
        Map<String, Object> document = new LinkedHashMap<>(valid);
        document.put(field, badValue);
        given().contentType(ContentType.JSON)
                .body(document)
                .post("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void trendsCanCountOnlyPollsThatDiscloseEnough() {
        String series = SeriesFixtures.newSeries();
        String pollster = newPollster();
        // wording and sample size only: 2 of 12, score 17
        long sparse = SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, "2021-06-01", "2021-06-03", null, "adults", 1000, 50, 40));
        Map<String, Object> full = fullyDisclosed(pollster);
        full.put("fieldStart", "2021-06-02");
        full.put("fieldEnd", "2021-06-04");
        full.put(
                "questions",
                List.of(Map.of(
                        "wording",
                        "Do you approve or disapprove of the government's response to the outbreak?",
                        "options",
                        List.of(
                                Map.of("label", "Approve", "percentage", 56),
                                Map.of("label", "Disapprove", "percentage", 38)),
                        "series",
                        series)));
        long disclosed = submit(full);

        given().queryParam("mode", "hindsight")
                .get("/series/" + series + "/trend")
                .then()
                .statusCode(200)
                .body("minDisclosure", equalTo(null))
                .body("polls", containsInAnyOrder((int) sparse, (int) disclosed));
        given().queryParam("mode", "hindsight")
                .queryParam("min-disclosure", 50)
                .get("/series/" + series + "/trend")
                .then()
                .statusCode(200)
                .body("minDisclosure", equalTo(50))
                .body("polls", contains((int) disclosed));
        given().queryParam("min-disclosure", 17)
                .get("/series/" + series + "/trend")
                .then()
                .body("polls", hasSize(2));
        for (String bad : List.of("101", "-1", "half")) {
            given().queryParam("min-disclosure", bad)
                    .get("/series/" + series + "/trend")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("min-disclosure"));
        }
    }

    /** A poll that gives every disclosure item. */
    private static Map<String, Object> fullyDisclosed(String pollster) {
        Map<String, Object> poll = new LinkedHashMap<>();
        poll.put("pollster", pollster);
        poll.put("sponsor", "Example Daily");
        poll.put("conductedBy", "Field Research Ltd");
        poll.put("fieldStart", "2024-01-20");
        poll.put("fieldEnd", "2024-01-25");
        poll.put("population", "adults");
        poll.put("populationDescription", "Israeli adults");
        poll.put("samplingFrame", "Address-based sample of Israeli households");
        poll.put("sampleDesign", "Stratified random sample, quotas by sector");
        poll.put("country", "IL");
        poll.put("mode", "phone");
        poll.put("language", "he, ar");
        poll.put("sampleSize", 1200);
        poll.put("marginOfError", 3.2);
        poll.put("designEffect", 1.3);
        poll.put("weighting", "Age, sex, sector and region, to the 2022 census");
        poll.put("sourceUrl", "https://example.org/report.pdf");
        poll.put("sponsorPartisanship", "nonpartisan");
        poll.put(
                "questions",
                List.of(Map.of(
                        "wording",
                        "What should be the main goal of the war?",
                        "options",
                        List.of(
                                Map.of("label", "Returning the hostages", "percentage", 51),
                                Map.of("label", "Toppling Hamas", "percentage", 36)))));
        return poll;
    }
}
