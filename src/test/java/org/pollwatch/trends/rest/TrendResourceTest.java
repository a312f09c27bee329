package org.pollwatch.trends.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pollwatch.series.SeriesFixtures.newSeries;
import static org.pollwatch.series.SeriesFixtures.poll;
import static org.pollwatch.series.SeriesFixtures.submit;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestPolls;

@QuarkusTest
class TrendResourceTest {

    @Test
    void anExcludedPollsterThatDoesNotExistIsRefusedNamingIt() {
        String key = newSeries();
        String pollster = newPollster();
        submit(poll(pollster, key, "2021-06-01", "2021-06-03", null, "adults", 1000, 50, 45));
        for (String path : List.of("/trend", "/trend.csv", "/house-effects")) {
            given().queryParam("exclude-pollster", pollster + ",rasmussen-reports")
                    .get("/series/" + key + path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("exclude-pollster"))
                    .body("errors[0].message", containsString("'rasmussen-reports'"));
        }
        given().queryParam("exclude-pollster", pollster)
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("excludedPollsters", contains(pollster));
    }

    @Test
    void realtimeTrendIsTheDefaultAndIgnoresLaterPollsWhileHindsightUsesThem() {
        String key = newSeries();
        String pollster = newPollster();
        List<Integer> ids = new ArrayList<>();
        for (int day = 1; day <= 10; day++) {
            String date = "2021-03-%02d".formatted(day);
            ids.add((int) submit(poll(pollster, key, date, date, null, "adults", 1000, 50 + (day % 2), 45)));
        }
        JsonPath trend = given().get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("series", equalTo(key))
                .body("method", equalTo("weighted_average"))
                .body("mode", equalTo("realtime"))
                .body("confidence", equalTo(0.95f))
                .body("adjustHouseEffects", equalTo(true))
                .body("defaultsUsed", contains("method", "mode", "confidence", "adjust-house-effects"))
                .body("choices", contains("approve", "disapprove"))
                .body("populationPreference", contains("likely_voters", "registered_voters", "voters", "adults"))
                .body("polls", equalTo(ids))
                .extract()
                .jsonPath();
        List<Map<String, Object>> points = trend.getList("points");
        assertEquals(20, points.size(), "one point per day per choice, 2021-03-01..10");
        for (Map<String, Object> p : points) {
            double estimate = ((Number) p.get("estimate")).doubleValue();
            assertTrue(
                    ((Number) p.get("lower")).doubleValue() < estimate
                            && estimate < ((Number) p.get("upper")).doubleValue(),
                    p.toString());
        }
        double realtimeBefore = estimate(key, "realtime", "2021-03-05", "approve");
        double hindsightBefore = estimate(key, "hindsight", "2021-03-05", "approve");
        double realtimeLastBefore = estimate(key, "realtime", "2021-03-10", "approve");
        given().queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("mode", equalTo("hindsight"))
                .body("defaultsUsed", not(hasItem("mode")));

        // a much higher poll ending on the last day: the cached trends are recomputed
        submit(poll(newPollster(), key, "2021-03-09", "2021-03-10", null, "adults", 3000, 70, 25));
        assertEquals(
                realtimeBefore,
                estimate(key, "realtime", "2021-03-05", "approve"),
                1e-9,
                "realtime: a poll available on 03-10 cannot move 03-05");
        assertNotEquals(
                hindsightBefore,
                estimate(key, "hindsight", "2021-03-05", "approve"),
                "hindsight: every day is smoothed with all polls");
        assertTrue(estimate(key, "realtime", "2021-03-10", "approve") > realtimeLastBefore + 0.5);
    }

    @Test
    void methodsConfidenceAndDateRangeAreHonoured() {
        String key = newSeries();
        String pollster = newPollster();
        for (int day = 1; day <= 20; day++) {
            String date = "2021-04-%02d".formatted(day);
            submit(poll(pollster, key, date, date, null, "adults", 800, 48 + (day % 3), 44));
        }
        for (String method : List.of("weighted_average", "loess", "kalman")) {
            given().queryParam("method", method)
                    .queryParam("from", "2021-04-05")
                    .queryParam("to", "2021-04-15")
                    .queryParam("confidence", "0.8")
                    .queryParam("adjust-house-effects", "false")
                    .get("/series/" + key + "/trend")
                    .then()
                    .statusCode(200)
                    .body("method", equalTo(method))
                    .body("confidence", equalTo(0.8f))
                    .body("adjustHouseEffects", equalTo(false))
                    .body("defaultsUsed", contains("mode"))
                    .body("points", hasSize(22))
                    .body("points[0].date", equalTo("2021-04-05"))
                    .body("points[10].date", equalTo("2021-04-15"));
        }
        double narrow = width(given().queryParam("confidence", "0.8")
                .get("/series/" + key + "/trend")
                .jsonPath());
        double wide = width(given().queryParam("confidence", "99")
                .get("/series/" + key + "/trend")
                .jsonPath());
        assertTrue(wide > narrow, "a 99% band is wider than an 80% band");
    }

    @Test
    void excludedPollstersAndPopulationFilterLeavePollsOut() {
        String key = newSeries();
        String low = newPollster();
        String high = newPollster();
        List<Integer> lowIds = new ArrayList<>();
        List<Integer> highIds = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            String date = "2021-05-%02d".formatted(day * 2);
            lowIds.add((int) submit(poll(low, key, date, date, null, "adults", 1000, 45, 50)));
            highIds.add((int) submit(poll(high, key, date, date, null, "registered_voters", 1000, 60, 35)));
        }
        List<Integer> all = new ArrayList<>(lowIds);
        all.addAll(highIds);
        given().get("/series/" + key + "/trend").then().body("polls", containsInAnyOrder(all.toArray()));
        double with = estimate(key, "realtime", "2021-05-12", "approve");
        given().queryParam("exclude-pollster", high)
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("excludedPollsters", contains(high))
                .body("polls", equalTo(lowIds));
        JsonPath without = given().queryParam("exclude-pollster", high)
                .queryParam("to", "2021-05-12")
                .get("/series/" + key + "/trend")
                .jsonPath();
        double lowOnly = lastEstimate(without, "approve");
        assertTrue(lowOnly < with - 3, "without the high pollster the average drops: " + lowOnly + " vs " + with);
        given().queryParam("exclude-pollster", low + "," + high)
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", hasSize(0))
                .body("points", hasSize(0));
        given().queryParam("population", "registered_voters")
                .get("/series/" + key + "/trend")
                .then()
                .body("populations", contains("registered_voters"))
                .body("polls", equalTo(highIds));
    }

    @Test
    void populationRulePrefersLikelyVotersForAPollReportedTwice() {
        String key = newSeries();
        String pollster = newPollster();
        long adults = submit(poll(pollster, key, "2021-06-01", "2021-06-03", null, "adults", 1500, 50, 45));
        long likely = submit(poll(pollster, key, "2021-06-01", "2021-06-03", null, "likely_voters", 900, 46, 50));
        given().get("/series/" + key + "/trend").then().statusCode(200).body("polls", contains((int) likely));
        given().queryParam("population", "adults")
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) adults));

        String adultsFirst = "s-adults-" + key.substring(2);
        given().contentType(ContentType.JSON)
                .body("""
                {"key": "%s", "title": "Approval among adults first",
                 "choices": [{"key": "approve", "label": "Approve"}, {"key": "disapprove", "label": "Disapprove"}],
                 "populationPreference": ["adults", "registered_voters", "likely_voters", "voters"]}
                """.formatted(adultsFirst))
                .post("/series")
                .then()
                .statusCode(201);
        String other = newPollster();
        long adults2 = submit(poll(other, adultsFirst, "2021-06-01", "2021-06-03", null, "adults", 1500, 50, 45));
        submit(poll(other, adultsFirst, "2021-06-01", "2021-06-03", null, "likely_voters", 900, 46, 50));
        given().get("/series/" + adultsFirst + "/trend")
                .then()
                .body("polls", contains((int) adults2))
                .body("populationPreference", contains("adults", "registered_voters", "likely_voters", "voters"));
    }

    @Test
    void patchingThePopulationPreferenceRecomputesTheAverage() {
        String key = newSeries();
        String pollster = newPollster();
        long adults = submit(poll(pollster, key, "2021-06-01", "2021-06-03", null, "adults", 1500, 50, 45));
        long likely = submit(poll(pollster, key, "2021-06-01", "2021-06-03", null, "likely_voters", 900, 46, 50));
        given().get("/series/" + key + "/trend").then().statusCode(200).body("polls", contains((int) likely));

        given().contentType("application/merge-patch+json")
                .body("{\"populationPreference\": [\"adults\", \"likely_voters\"]}")
                .patch("/series/" + key)
                .then()
                .statusCode(200)
                .body("populationPreference", contains("adults", "likely_voters"))
                .body("defaultPopulationPreference", equalTo(false))
                .body("title", equalTo("Approval of the government's response")); // left out: kept
        given().get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("polls", contains((int) adults))
                .body("points.find { it.choice == 'approve' }.estimate", equalTo(50.0f));

        given().contentType("application/merge-patch+json")
                .body("{\"populationPreference\": []}")
                .patch("/series/" + key)
                .then()
                .statusCode(200)
                .body("defaultPopulationPreference", equalTo(true));
        given().get("/series/" + key + "/trend").then().body("polls", contains((int) likely));
    }

    @Test
    void asOfAnswersWithWhatWasPublishedThenAndTheValuesOfThen() {
        String key = newSeries();
        String pollster = newPollster();
        long revised = submit(poll(pollster, key, "2021-02-25", "2021-02-27", "2021-03-01", "adults", 1000, 40, 55));
        long later = submit(poll(pollster, key, "2021-03-05", "2021-03-06", "2021-03-08", "adults", 1000, 41, 54));
        long retracted = submit(poll(pollster, key, "2021-03-01", "2021-03-02", "2021-03-03", "adults", 1000, 42, 53));
        // today: revise the first poll (its document no longer names the series: it stays a member) and retract another
        TestPolls.reviseFirstVersion(
                revised,
                poll(pollster, null, "2021-02-25", "2021-02-27", "2021-03-01", "adults", 1000, 60, 35),
                "Weighting corrected");
        given().queryParam("reason", "Fabricated")
                .delete("/polls/" + retracted)
                .then()
                .statusCode(200);

        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        JsonPath before = given().queryParam("as-of", yesterday)
                .queryParam("to", "2021-03-01")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(yesterday))
                .body("polls", contains((int) revised))
                .extract()
                .jsonPath();
        assertEquals(40.0, lastEstimate(before, "approve"), 0.01, "as of yesterday the poll had its first values");
        given().queryParam("as-of", yesterday)
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) revised, (int) later, (int) retracted));

        JsonPath now = given().queryParam("to", "2021-03-01")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(null))
                .extract()
                .jsonPath();
        assertEquals(40.0, lastEstimate(now, "approve"), 0.01, "realtime shows what was known on the day");
        JsonPath corrected = given().queryParam("to", "2021-03-01")
                .queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // two-sided: the revised 60 and the later 41 (the retracted 42 left out), where the first values would give at
        // most 41
        assertTrue(lastEstimate(corrected, "approve") > 50, "hindsight uses the corrected values");
        // realtime counts the retracted poll on the days before its retraction (today); hindsight leaves it out
        given().get("/series/" + key + "/trend").then().body("polls", contains((int) revised, (int) later, (int)
                retracted));
        given().queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) revised, (int) later));

        // only what was available by then: the poll published on 03-08 is not in an answer as of 03-05
        given().queryParam("as-of", "2021-03-05")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("to", equalTo("2021-03-05"))
                .body("polls", contains((int) revised, (int) retracted))
                .body("points[-1].date", equalTo("2021-03-05"));
        given().queryParam("as-of", "2021-02-28")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("polls", hasSize(0))
                .body("points", hasSize(0));
    }

    @Test
    void cachedTrendFollowsRevisionsRetractionsAndNewMembers() {
        String key = newSeries();
        String pollster = newPollster();
        long first = submit(poll(pollster, key, "2021-09-01", "2021-09-02", null, "adults", 1000, 50, 45));
        given().queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) first));
        given().queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) first)); // from the cache

        TestPolls.reviseFirstVersion(
                first, poll(pollster, key, "2021-09-01", "2021-09-02", null, "adults", 1000, 58, 37));
        assertEquals(
                58.0,
                lastEstimate(
                        given().queryParam("mode", "hindsight")
                                .get("/series/" + key + "/trend")
                                .jsonPath(),
                        "approve"),
                0.01);

        long other = submit(poll(newPollster(), null, "2021-09-02", "2021-09-03", null, "adults", 1000, 48, 47));
        long questionId = given().get("/polls/" + other).jsonPath().getLong("questions[0].id");
        given().contentType(ContentType.JSON)
                .body("{\"questionId\": " + questionId + ", \"seriesChoices\": {\"Not sure\": null}}")
                .post("/series/" + key + "/questions")
                .then()
                .statusCode(200);
        given().queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) first, (int) other));

        given().queryParam("reason", "Withdrawn")
                .delete("/polls/" + first)
                .then()
                .statusCode(200);
        given().queryParam("mode", "hindsight")
                .get("/series/" + key + "/trend")
                .then()
                .body("polls", contains((int) other));
    }

    @Test
    void trendsCarryETagsOfTheirContentAnd304WhileTheDataIsUnchanged() {
        String key = newSeries();
        String pollster = newPollster();
        submit(poll(pollster, key, "2021-10-01", "2021-10-02", null, "adults", 1000, 50, 45));
        String trendTag = given().get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .extract()
                .header("ETag");
        String csvTag = given().get("/series/" + key + "/trend.csv")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String effectsTag = given().get("/series/" + key + "/house-effects")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertEquals(3, Set.of(trendTag, csvTag, effectsTag).size(), "one tag per representation");
        given().header("If-None-Match", trendTag)
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(304);
        given().header("If-None-Match", csvTag)
                .get("/series/" + key + "/trend.csv")
                .then()
                .statusCode(304);
        given().header("If-None-Match", effectsTag)
                .get("/series/" + key + "/house-effects")
                .then()
                .statusCode(304);
        // other parameters are another representation
        given().header("If-None-Match", trendTag)
                .queryParam("method", "kalman")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200);

        submit(poll(pollster, key, "2021-10-03", "2021-10-04", null, "adults", 1000, 54, 41));
        String newTag = given().header("If-None-Match", trendTag)
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("polls", hasSize(2))
                .extract()
                .header("ETag");
        assertNotEquals(trendTag, newTag);
        given().header("If-None-Match", csvTag)
                .get("/series/" + key + "/trend.csv")
                .then()
                .statusCode(200);
    }

    @Test
    void trendIsExportedAsCsv() {
        String key = newSeries();
        String pollster = newPollster();
        for (int day = 1; day <= 5; day++) {
            String date = "2021-07-%02d".formatted(day);
            submit(poll(pollster, key, date, date, null, "adults", 1000, 50, 45));
        }
        int points = given().get("/series/" + key + "/trend")
                .jsonPath()
                .getList("points")
                .size();
        String csv = given().get("/series/" + key + "/trend.csv")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + key + "-trend.csv\""))
                .extract()
                .asString();
        String[] lines = csv.split("\n");
        assertEquals("date,choice,estimate,lower,upper", lines[0]);
        assertEquals(points + 1, lines.length);
        assertTrue(lines[1].matches("2021-07-01,approve,50\\.00,\\d+\\.\\d\\d,\\d+\\.\\d\\d"), lines[1]);
        given().queryParam("method", "median")
                .get("/series/" + key + "/trend.csv")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("method"));
    }

    @Test
    void houseEffectsAreShrunkTowardZeroForPollstersWithFewPolls() {
        String key = newSeries();
        String high = newPollster();
        String low = newPollster();
        String once = newPollster();
        for (int day = 1; day <= 16; day++) {
            String date = "2021-08-%02d".formatted(day);
            submit(poll(day % 2 == 0 ? high : low, key, date, date, null, "adults", 1000, day % 2 == 0 ? 55 : 45, 40));
        }
        submit(poll(once, key, "2021-08-16", "2021-08-16", null, "adults", 1000, 60, 35));
        JsonPath effects = given().get("/series/" + key + "/house-effects")
                .then()
                .statusCode(200)
                .body("series", equalTo(key))
                .body("mode", equalTo("realtime"))
                .extract()
                .jsonPath();
        double highEffect = effect(effects, high, "approve");
        double lowEffect = effect(effects, low, "approve");
        double onceEffect = effect(effects, once, "approve");
        assertTrue(highEffect > 1 && highEffect < 5, "high pollster: " + highEffect);
        assertTrue(lowEffect < -1 && lowEffect > -5, "low pollster: " + lowEffect);
        assertTrue(onceEffect > 0 && onceEffect < 5, "one poll 10 points above is shrunk hard: " + onceEffect);
        assertEquals(
                8,
                effects.getInt(
                        "houseEffects.find { it.pollster.slug == '" + high + "' && it.choice == 'approve' }.polls"));
        assertEquals(
                "Pollster " + high,
                effects.getString("houseEffects.find { it.pollster.slug == '" + high + "' }.pollster.name"));
    }

    @Test
    void badParametersAre400NamingThemAndUnknownSeries404() {
        String key = newSeries();
        given().queryParam("method", "median")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("method"));
        given().queryParam("mode", "tomorrow")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(400)
                .body("errors.field", contains("mode"));
        given().queryParam("as-of", "01/03/2021")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(400)
                .body("errors.field", contains("as-of"));
        given().queryParam("from", "2021-03-02")
                .queryParam("to", "2021-03-01")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(400)
                .body("errors.field", contains("from"));
        given().queryParam("confidence", "1.5")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(400)
                .body("errors.field", contains("confidence"));
        given().queryParam("adjust-house-effects", "maybe")
                .get("/series/" + key + "/house-effects")
                .then()
                .statusCode(400)
                .body("errors.field", contains("adjust-house-effects"));
        given().queryParam("population", "martians")
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(400)
                .body("errors.field", contains("population"));
        given().get("/series/no-such-series/trend").then().statusCode(404).contentType("application/problem+json");
        given().get("/series/no-such-series/house-effects").then().statusCode(404);
        given().get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .body("points", hasSize(0))
                .body("polls", hasSize(0));
    }

    static double estimate(String key, String mode, String date, String choice) {
        JsonPath trend = given().queryParam("mode", mode)
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return trend.getDouble("points.find { it.date == '" + date + "' && it.choice == '" + choice + "' }.estimate");
    }

    @Test
    void pollsReadForOneTrendServeOtherDatesAndMethodsAndFollowEveryWriteToTheirSeries() {
        String a = newSeries();
        String b = newSeries();
        String pollster = newPollster();
        long first = submit(poll(pollster, a, "2021-11-01", "2021-11-02", null, "adults", 1000, 50, 45));
        submit(poll(pollster, b, "2021-11-01", "2021-11-02", null, "adults", 1000, 40, 55));
        String bBefore = hindsight().get("/series/" + b + "/trend").asString();
        hindsight()
                .queryParam("to", "2021-11-20")
                .get("/series/" + a + "/trend")
                .then()
                .statusCode(200)
                .body("polls", contains((int) first));
        // other dates, method and confidence: computed anew from the polls read for the first one
        hindsight()
                .queryParam("to", "2021-11-25")
                .queryParam("method", "kalman")
                .queryParam("confidence", "0.8")
                .get("/series/" + a + "/trend")
                .then()
                .statusCode(200)
                .body("method", equalTo("kalman"))
                .body("polls", contains((int) first));

        long second = submit(poll(pollster, a, "2021-11-05", "2021-11-06", null, "adults", 1000, 60, 35));
        for (String to : List.of("2021-11-20", "2021-11-21")) { // asked before, and never asked
            hindsight()
                    .queryParam("to", to)
                    .get("/series/" + a + "/trend")
                    .then()
                    .statusCode(200)
                    .body("polls", contains((int) first, (int) second));
        }

        TestPolls.reviseFirstVersion(
                first, poll(pollster, a, "2021-11-01", "2021-11-02", null, "adults", 1000, 30, 65));
        JsonPath revised = hindsight()
                .queryParam("from", "2021-11-01")
                .queryParam("to", "2021-11-03")
                .get("/series/" + a + "/trend")
                .jsonPath();
        // an average of 50 and 60 (the polls before the revision) is at least 50; of 30 and 60, below it
        double approve = lastEstimate(revised, "approve");
        assertTrue(approve < 50, "the revision is seen with dates never asked, got " + approve);

        assertEquals(bBefore, hindsight().get("/series/" + b + "/trend").asString(), "series b did not change");

        // the polls read with a known pollster left out do not let an unknown one through
        hindsight()
                .queryParam("exclude-pollster", pollster)
                .get("/series/" + a + "/trend")
                .then()
                .statusCode(200)
                .body("polls", hasSize(0));
        hindsight()
                .queryParam("exclude-pollster", pollster + ",no-such-pollster")
                .get("/series/" + a + "/trend")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("exclude-pollster"));
    }

    private static RequestSpecification hindsight() {
        return given().queryParam("mode", "hindsight");
    }

    static double lastEstimate(JsonPath trend, String choice) {
        List<Float> estimates = trend.getList("points.findAll { it.choice == '" + choice + "' }.estimate", Float.class);
        return estimates.get(estimates.size() - 1);
    }

    private static double width(JsonPath trend) {
        return trend.getDouble("points[-1].upper") - trend.getDouble("points[-1].lower");
    }

    private static double effect(JsonPath effects, String pollster, String choice) {
        return effects.getDouble(
                "houseEffects.find { it.pollster.slug == '" + pollster + "' && it.choice == '" + choice + "' }.effect");
    }
}
