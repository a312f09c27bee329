package org.pollwatch.comparisons.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.stats.NormalDistribution;
import org.pollwatch.testsupport.TestPolls;

@QuarkusTest
class ComparisonResourceTest {

    private static final double Z95 = 1.959963984540054;
    private static final double EPS = 1e-6;

    // --- lead within one poll --------------------------------------------------------------------------------

    @Test
    void seededIdiPollHasNoSampleSizeSoOnlyTheMinimumIsGiven() {
        long pollId = idiPollId();
        long questionId = firstQuestion(pollId);
        lead(pollId, questionId)
                .statusCode(200)
                .body("a.label", equalTo("Returning the hostages"))
                .body("b.label", equalTo("Toppling Hamas"))
                .body("a.share", equalTo(51.0f))
                .body("b.share", equalTo(36.0f))
                .body("a.marginOfError", nullValue())
                .body("a.wilsonInterval", nullValue())
                .body("lead", equalTo(15.0f))
                .body("marginOfError", nullValue())
                .body("interval", nullValue())
                .body("z", nullValue())
                .body("pValue", nullValue())
                .body("verdict", equalTo("unknown_sample_size"))
                .body("minimumSampleSizeForSignificance", equalTo(145))
                .body("sample.basis", equalTo("unknown"))
                .body("sample.effectiveSize", nullValue())
                .body("confidence", equalTo(95))
                .body("formula", containsString("pA + pB - (pA - pB)^2"))
                .body(
                        "summary",
                        equalTo("'Returning the hostages' leads 'Toppling Hamas' by 15 points (51% vs 36%);"
                                + " the source gives no sample size, so significance cannot be computed; the lead would be"
                                + " significant at 95% with at least 145 respondents."));
    }

    @Test
    void leadWithReportedSampleSizeUsesTheMultinomialVariance() {
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        double se = Math.sqrt((0.87 - 0.0225) / 1000);
        double z = 0.15 / se;
        JsonPath body = json(lead(pollId, firstQuestion(pollId), "a", "Returning the hostages", "b", "toppling hamas")
                .statusCode(200)
                .body("verdict", equalTo("lead"))
                .body("sample.basis", equalTo("reported_size"))
                .body("sample.reportedSize", equalTo(1000))
                .body("minimumSampleSizeForSignificance", nullValue())
                .body(
                        "summary",
                        containsString("with 1,000 respondents the lead's margin of error is ±5.7 points at 95%"
                                + " confidence, so the lead is statistically significant (p < 0.001)")));
        assertClose(15.0, body.getDouble("lead"));
        assertClose(100 * Z95 * Math.sqrt((0.87 - 0.0225) / 1000), body.getDouble("marginOfError"));
        assertClose(15.0 - 100 * Z95 * se, body.getDouble("interval.lower"));
        assertClose(15.0 + 100 * Z95 * se, body.getDouble("interval.upper"));
        assertClose(z, body.getDouble("z"));
        assertClose(NormalDistribution.twoSidedPValue(z), body.getDouble("pValue"));
        assertClose(1000.0, body.getDouble("sample.effectiveSize"));
        // each option's own margin, z * sqrt(p(1-p)/n)
        assertClose(100 * Z95 * Math.sqrt(0.51 * 0.49 / 1000), body.getDouble("a.marginOfError"));
        double wilsonLower = body.getDouble("a.wilsonInterval.lower");
        double wilsonUpper = body.getDouble("a.wilsonInterval.upper");
        if (!(wilsonLower < 51.0 && 51.0 < wilsonUpper)) {
            throw new AssertionError("Wilson interval [" + wilsonLower + ", " + wilsonUpper + "] must contain 51");
        }
    }

    @Test
    void smallLeadInAModestSampleIsAStatisticalTie() {
        long pollId = submit(poll(newPollster(), "600", "2024-01-25", 45, 43));
        double se = Math.sqrt((0.88 - 0.0004) / 600);
        JsonPath body = json(lead(pollId, firstQuestion(pollId))
                .statusCode(200)
                .body("verdict", equalTo("statistical_tie"))
                .body("summary", containsString("a statistical tie")));
        assertClose(2.0, body.getDouble("lead"));
        assertClose(100 * Z95 * se, body.getDouble("marginOfError"));
        assertClose(NormalDistribution.twoSidedPValue(0.02 / se), body.getDouble("pValue"));
    }

    @Test
    void reportedMarginOfErrorImpliesADesignEffect() {
        String body = poll(newPollster(), "1000", "2024-01-25", 51, 36)
                .replace("\"sampleSize\": 1000,", "\"sampleSize\": 1000, \"marginOfError\": 4.0,");
        long pollId = submit(body);
        double srsMargin = Z95 * Math.sqrt(0.25 / 1000);
        double designEffect = Math.pow(0.04 / srsMargin, 2);
        double effectiveN = 1000 / designEffect;
        JsonPath json = json(lead(pollId, firstQuestion(pollId))
                .statusCode(200)
                .body("sample.basis", equalTo("reported_size_with_design_effect"))
                .body("sample.reportedMarginOfError", equalTo(4.0f))
                .body("summary", containsString("after the design effect implied by the reported ±4-point margin")));
        assertClose(designEffect, json.getDouble("sample.designEffect"));
        assertClose(effectiveN, json.getDouble("sample.effectiveSize"));
        assertClose(100 * Z95 * Math.sqrt((0.87 - 0.0225) / effectiveN), json.getDouble("marginOfError"));
    }

    @Test
    void defaultsCompareTheTwoLargestOptionsWhateverTheirOrder() {
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 30, 36));
        lead(pollId, firstQuestion(pollId))
                .statusCode(200)
                .body("a.label", equalTo("Toppling Hamas"))
                .body("b.label", equalTo("Returning the hostages"))
                .body("lead", equalTo(6.0f));
        lead(pollId, firstQuestion(pollId), "a", "Don't know")
                .statusCode(200)
                .body("b.label", equalTo("Toppling Hamas"));
    }

    @Test
    void infiniteZIsServedAsNullWithANote() {
        String body =
                poll(newPollster(), "1000", "2024-01-25", 100, 0).replace("\"percentage\": 5}", "\"percentage\": 0}");
        long pollId = submit(body);
        lead(pollId, firstQuestion(pollId), "a", "Returning the hostages", "b", "Toppling Hamas")
                .statusCode(200)
                .body("z", nullValue())
                .body("pValue", equalTo(0.0f))
                .body("verdict", equalTo("lead"))
                .body("notes", hasItem(containsString("z is unbounded")));
    }

    @Test
    void roundedSharesAbove100AreScaledAndMultipleAnswerQuestionsRefused() {
        long rounded = submit(
                poll(newPollster(), "1000", "2024-01-25", 51, 50).replace("\"percentage\": 5}", "\"percentage\": 0}"));
        lead(rounded, firstQuestion(rounded), "a", "Returning the hostages", "b", "Toppling Hamas")
                .statusCode(200)
                .body("lead", equalTo(1.0f))
                .body("verdict", equalTo("statistical_tie"))
                .body("notes", hasItem(containsString("scaled to sum to 100%")));
        long multiple = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36)
                .replace("\"topics\":", "\"multipleAnswers\": true, \"topics\":"));
        problem(lead(multiple, firstQuestion(multiple)), 422, null).body("detail", containsString("several answers"));
    }

    @Test
    void leadErrorsAreProblems() {
        long pollId = idiPollId();
        long questionId = firstQuestion(pollId);
        problem(given().get("/polls/987654321/questions/" + questionId + "/comparison"), 404, null)
                .body("detail", containsString("987654321"));
        problem(given().get("/polls/" + pollId + "/questions/987654321/comparison"), 404, null)
                .body("detail", containsString("No question"));
        long otherPoll = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        problem(given().get("/polls/" + otherPoll + "/questions/" + questionId + "/comparison"), 404, null)
                .body("detail", containsString("does not belong to poll " + otherPoll));
        problem(lead(pollId, questionId, "a", "Ceasefire"), 400, "a")
                .body("errors[0].message", containsString("'Returning the hostages', 'Toppling Hamas'"));
        problem(lead(pollId, questionId, "b", "Ceasefire"), 400, "b");
        problem(lead(pollId, questionId, "a", "Toppling Hamas", "b", "TOPPLING HAMAS"), 400, "b");
        problem(lead(pollId, questionId, "confidence", "42"), 400, "confidence")
                .body("errors[0].message", containsString("80, 90, 95 or 99"));
        problem(lead(pollId, questionId, "confidence", "high"), 400, "confidence");
    }

    @Test
    void confidenceLevelChangesTheMargin() {
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        JsonPath body = json(lead(pollId, firstQuestion(pollId), "confidence", "99")
                .statusCode(200)
                .body("confidence", equalTo(99)));
        assertClose(100 * 2.5758293035489004 * Math.sqrt((0.87 - 0.0225) / 1000), body.getDouble("marginOfError"));
    }

    @Test
    void leadIsCachedByPollVersionWithAnETagAndFollowsARevision() {
        String pollster = newPollster();
        long pollId = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        long questionId = firstQuestion(pollId);
        String etag = lead(pollId, questionId)
                .statusCode(200)
                .header("Cache-Control", containsString("no-cache"))
                .body("lead", equalTo(15.0f))
                .body("verdict", equalTo("lead"))
                .extract()
                .header("ETag");
        assertThat(etag, containsString("lead-" + pollId + "-0-"));
        given().header("If-None-Match", etag)
                .get("/polls/" + pollId + "/questions/" + questionId + "/comparison")
                .then()
                .statusCode(304)
                .header("ETag", equalTo(etag));
        // other options of the same version are another entry, with another tag
        String otherTag = lead(pollId, questionId, "a", "Toppling Hamas", "b", "Don't know")
                .statusCode(200)
                .body("lead", equalTo(31.0f))
                .extract()
                .header("ETag");
        assertThat(otherTag.equals(etag), equalTo(false));

        TestPolls.reviseFirstVersion(pollId, poll(pollster, "1000", "2024-01-25", 45, 44), "Corrected shares");
        long revisedQuestion = firstQuestion(pollId);
        given().header("If-None-Match", etag)
                .get("/polls/" + pollId + "/questions/" + revisedQuestion + "/comparison")
                .then()
                .statusCode(200)
                .header("ETag", containsString("lead-" + pollId + "-1-"))
                .body("lead", equalTo(1.0f))
                .body("verdict", equalTo("statistical_tie"));
        problem(given().get("/polls/987654321/questions/" + revisedQuestion + "/comparison"), 404, null)
                .body("detail", containsString("No poll"));
    }

    @Test
    void retractedPollsAreRefused() {
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        given().queryParam("reason", "Fabricated responses")
                .delete("/polls/" + pollId)
                .then()
                .statusCode(200);
        problem(lead(pollId, firstQuestion(pollId)), 409, null).body("detail", containsString("retracted"));
        problem(
                given().get("/polls/" + pollId + "/questions/" + firstQuestion(pollId) + "/subgroups/comparison"),
                409,
                null);
        problem(given().queryParam("question", firstQuestion(pollId)).get("/comparisons/change"), 409, null);
    }

    // --- change between polls ---------------------------------------------------------------------------------

    @Test
    void changeBetweenTwoPollsUsesIndependentSamples() {
        String pollster = newPollster();
        long earlier = submit(pollEnding(pollster, "800", "2024-01-10", 45, 40));
        long later = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        long question = firstQuestion(later);
        long against = firstQuestion(earlier);
        double se = Math.sqrt(0.51 * 0.49 / 1000 + 0.45 * 0.55 / 800);
        double z = 0.06 / se;
        JsonPath body = json(given().queryParam("question", question)
                .queryParam("against", against)
                .queryParam("option", "returning THE hostages")
                .get("/comparisons/change")
                .then()
                .statusCode(200)
                .body("option", equalTo("Returning the hostages"))
                .body("current.pollId", equalTo((int) later))
                .body("previous.pollId", equalTo((int) earlier))
                .body("current.share", equalTo(51.0f))
                .body("previous.share", equalTo(45.0f))
                .body("previous.sample.reportedSize", equalTo(800))
                .body("verdict", equalTo("significant_change"))
                .body("formula", containsString("pNew (1 - pNew) / nNew + pOld (1 - pOld) / nOld"))
                .body(
                        "summary",
                        equalTo("'Returning the hostages' rose from 45% to 51% (+6 points) between fieldwork"
                                + " ending 10 January 2024 and 25 January 2024; with 800 respondents and 1,000 respondents the"
                                + " change's margin of error is ±4.6 points at 95% confidence, so the change is statistically"
                                + " significant (p = 0.0112).")));
        assertClose(6.0, body.getDouble("change"));
        assertClose(100 * Z95 * se, body.getDouble("marginOfError"));
        assertClose(z, body.getDouble("z"));
        assertClose(NormalDistribution.twoSidedPValue(z), body.getDouble("pValue"));
    }

    @Test
    void withoutAgainstTheSamePollstersPreviousPollIsUsed() {
        String pollster = newPollster();
        long oldest = submit(pollEnding(pollster, "800", "2024-01-05", 40, 45));
        long previous = submit(pollEnding(pollster, "800", "2024-01-10", 45, 40));
        long retracted = submit(pollEnding(pollster, "800", "2024-01-15", 60, 30));
        given().queryParam("reason", "Fabricated responses")
                .delete("/polls/" + retracted)
                .then()
                .statusCode(200);
        submit(poll(pollster, "800", "2024-01-20", 50, 40).replace("main goal of the war", "main aim of the war"));
        long later = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        given().queryParam("question", firstQuestion(later))
                .get("/comparisons/change")
                .then()
                .statusCode(200)
                .body("previous.pollId", equalTo((int) previous))
                .body("option", equalTo("Returning the hostages"));
        problem(given().queryParam("question", firstQuestion(oldest)).get("/comparisons/change"), 404, null)
                .body("detail", containsString("No earlier poll"));
        problem(
                given().queryParam("question", firstQuestion(later))
                        .queryParam("against", firstQuestion(retracted))
                        .get("/comparisons/change"),
                409,
                null);
    }

    @Test
    void wordingMatchesIgnoringCaseAndWhitespace() {
        String pollster = newPollster();
        long earlier = submit(pollEnding(pollster, "800", "2024-01-10", 45, 40)
                .replace("What should be the main goal of the war?", "  what should be the MAIN goal   of the war?"));
        long later = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        given().queryParam("question", firstQuestion(later))
                .queryParam("against", firstQuestion(earlier))
                .get("/comparisons/change")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("significant_change"));
    }

    @Test
    void changeWithAnUnknownSampleSizeGivesTheMinimum() {
        String pollster = newPollster();
        long idiQuestion = firstQuestion(idiPollId());
        long later = submit(poll(pollster, "1000", "2024-02-25", 55, 30));
        given().queryParam("question", firstQuestion(later))
                .queryParam("against", idiQuestion)
                .get("/comparisons/change")
                .then()
                .statusCode(200)
                .body("verdict", equalTo("unknown_sample_size"))
                .body("minimumSampleSizeForSignificance", notNullValue())
                .body("notes", hasItem(containsString("different pollsters")))
                .body("summary", containsString("the earlier poll gives no sample size"));
    }

    @Test
    void changeErrorsAreProblems() {
        String pollster = newPollster();
        long earlier = submit(pollEnding(pollster, "800", "2024-01-10", 45, 40));
        long later = submit(poll(pollster, "1000", "2024-01-25", 51, 36));
        long otherWording =
                submit(pollEnding(pollster, "800", "2024-01-12", 45, 40).replace("main goal", "first goal"));
        problem(given().get("/comparisons/change"), 400, "question");
        problem(given().queryParam("question", "x").get("/comparisons/change"), 400, "question");
        problem(given().queryParam("question", 987654321).get("/comparisons/change"), 404, null);
        problem(change(later, firstQuestion(otherWording)), 400, "against")
                .body("errors[0].message", containsString("only questions with the same wording"));
        problem(change(earlier, firstQuestion(later)), 400, "against")
                .body("errors[0].message", containsString("earlier poll"));
        problem(change(later, firstQuestion(later)), 400, "against");
        problem(
                given().queryParam("question", firstQuestion(later))
                        .queryParam("against", 987654321)
                        .get("/comparisons/change"),
                404,
                null);
        problem(
                        given().queryParam("question", firstQuestion(later))
                                .queryParam("against", firstQuestion(earlier))
                                .queryParam("option", "Ceasefire")
                                .get("/comparisons/change"),
                        400,
                        "option")
                .body("errors[0].message", containsString("'Returning the hostages', 'Toppling Hamas', 'Don't know'"));
        problem(
                given().queryParam("question", firstQuestion(later))
                        .queryParam("against", firstQuestion(earlier))
                        .queryParam("confidence", "42")
                        .get("/comparisons/change"),
                400,
                "confidence");
    }

    // --- subgroups --------------------------------------------------------------------------------------------

    @Test
    void subgroupsWithTheirOwnSampleSizes() {
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        double se = Math.sqrt(0.69 * 0.31 / 120 + 0.47 * 0.53 / 500);
        double z = 0.22 / se;
        JsonPath body = json(subgroups(pollId, "dimension", "sector", "a", "arab israelis", "b", "Jewish Israelis")
                .statusCode(200)
                .body("option", equalTo("Returning the hostages"))
                .body("a.label", equalTo("Arab Israelis"))
                .body("a.share", equalTo(69.0f))
                .body("a.sample.reportedSize", equalTo(120))
                .body("b.sample.reportedSize", equalTo(500))
                .body("verdict", equalTo("significant_difference"))
                .body(
                        "summary",
                        containsString("69% of Arab Israelis chose 'Returning the hostages' vs 47% of Jewish"
                                + " Israelis, a 22-point difference; with 120 respondents and 500 respondents")));
        assertClose(22.0, body.getDouble("difference"));
        assertClose(100 * Z95 * se, body.getDouble("marginOfError"));
        assertClose(z, body.getDouble("z"));
        assertClose(NormalDistribution.twoSidedPValue(z), body.getDouble("pValue"));
        assertClose(100 * Z95 * Math.sqrt(0.69 * 0.31 / 120), body.getDouble("a.marginOfError"));

        subgroups(pollId, "option", "Toppling Hamas")
                .statusCode(200)
                .body("option", equalTo("Toppling Hamas"))
                .body("a.label", equalTo("Arab Israelis"))
                .body("difference", equalTo(-34.0f));
    }

    @Test
    void subgroupVariancesCarryThePollsDesignEffect() {
        // n = 1000 with a reported ±3.6 margin: deff = (0.036 / (1.96 * 0.5 / sqrt(1000)))^2 = 1.3495
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36)
                .replace("\"sampleSize\": 1000,", "\"sampleSize\": 1000, \"marginOfError\": 3.6,"));
        double srsMargin = Z95 * 0.5 / Math.sqrt(1000);
        double deff = (0.036 / srsMargin) * (0.036 / srsMargin);
        double se = Math.sqrt(deff * (0.69 * 0.31 / 120 + 0.47 * 0.53 / 500));
        JsonPath body = json(subgroups(pollId, "dimension", "sector", "a", "Arab Israelis", "b", "Jewish Israelis")
                .statusCode(200)
                .body("a.sample.basis", equalTo("reported_size_with_design_effect"))
                .body("formula", containsString("design effect deff = 1.3495"))
                .body("notes", hasItem(containsString("design effect 1.35"))));
        assertClose(deff, body.getDouble("a.sample.designEffect"));
        assertClose(120 / deff, body.getDouble("a.sample.effectiveSize"));
        assertClose(100 * Z95 * se, body.getDouble("marginOfError"));
        assertClose(0.22 / se, body.getDouble("z"));
    }

    @Test
    void leadInATinySampleUsesTheExactTest() {
        for (int n : new int[] {1, 2}) {
            String document = poll(newPollster(), String.valueOf(n), "2024-01-25", 100, 0)
                    .replace("\"percentage\": 5}", "\"percentage\": 0}")
                    .replaceAll("(?s),\\s*\"subgroups\": \\[.*?\\]\\s*}\\s*\\]", "}]");
            long pollId = submit(document);
            lead(pollId, firstQuestion(pollId))
                    .statusCode(200)
                    .body("lead", equalTo(100.0f))
                    .body("pValue", equalTo(n == 1 ? 1.0f : 0.5f))
                    .body("verdict", equalTo("statistical_tie"))
                    .body("formula", containsString("exact conditional binomial test"))
                    .body("summary", containsString("exact binomial test finds no significant lead"));
        }
    }

    @Test
    void seededIdiSubgroupsHaveNoSizes() {
        long pollId = idiPollId();
        given().get("/polls/" + pollId + "/questions/" + firstQuestion(pollId) + "/subgroups/comparison")
                .then()
                .statusCode(200)
                .body("dimension", equalTo("sector"))
                .body("option", equalTo("Returning the hostages"))
                .body("verdict", equalTo("unknown_sample_size"))
                .body("minimumSampleSizeForSignificance", notNullValue())
                .body("summary", containsString("the source gives no subgroup sample sizes"));
    }

    @Test
    void subgroupErrorsAreProblems() {
        long pollId = submit(poll(newPollster(), "1000", "2024-01-25", 51, 36));
        problem(subgroups(pollId, "dimension", "age"), 400, "dimension")
                .body("errors[0].message", containsString("'sector'"));
        problem(subgroups(pollId, "a", "Druze", "b", "Arab Israelis"), 400, "a")
                .body("errors[0].message", containsString("'Arab Israelis', 'Jewish Israelis'"));
        problem(subgroups(pollId, "a", "Arab Israelis", "b", "arab israelis"), 400, "b");
        problem(subgroups(pollId, "option", "Ceasefire"), 400, "option");
        problem(subgroups(pollId, "confidence", "42"), 400, "confidence");
        long idiQuestion = firstQuestion(idiPollId());
        problem(given().get("/polls/" + pollId + "/questions/" + idiQuestion + "/subgroups/comparison"), 404, null)
                .body("detail", containsString("does not belong"));
    }

    @Test
    void openApiDocumentsTheComparisons() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/polls/{id}/questions/{qid}/comparison'.get.tags", hasItem("Comparisons"))
                .body("paths.'/polls/{id}/questions/{qid}/comparison'.get.description", containsString("Franklin 2007"))
                .body("paths.'/comparisons/change'.get.description", containsString("p1(1 - p1)/n1 + p2(1 - p2)/n2"))
                .body(
                        "paths.'/comparisons/change'.get.responses.'400'.content.'application/problem+json'.schema.$ref",
                        containsString("Problem"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A test poll whose fieldwork starts and ends on the given day. */
    private static String pollEnding(String pollster, String sampleSize, String fieldEnd, int hostages, int hamas) {
        return poll(pollster, sampleSize, fieldEnd, hostages, hamas)
                .replace("\"fieldStart\": \"2024-01-20\"", "\"fieldStart\": \"" + fieldEnd + "\"");
    }

    private static long idiPollId() {
        return given().queryParam("pollster", "israel-democracy-institute")
                .queryParam("sort", "fieldEnd")
                .get("/polls")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
    }

    private static long firstQuestion(long pollId) {
        return given().get("/polls/" + pollId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("questions[0].id");
    }

    private static ValidatableResponse lead(long pollId, long questionId, String... params) {
        return given().queryParams(pairs(params))
                .get("/polls/" + pollId + "/questions/" + questionId + "/comparison")
                .then();
    }

    private static ValidatableResponse subgroups(long pollId, String... params) {
        return given().queryParams(pairs(params))
                .get("/polls/" + pollId + "/questions/" + firstQuestion(pollId) + "/subgroups/comparison")
                .then();
    }

    private static ValidatableResponse change(long laterPoll, long against) {
        return given().queryParam("question", firstQuestion(laterPoll))
                .queryParam("against", against)
                .get("/comparisons/change")
                .then();
    }

    private static Map<String, String> pairs(String... params) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            map.put(params[i], params[i + 1]);
        }
        return map;
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String field) {
        return problem(response.then(), status, field);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
        return response;
    }

    /** Reads numbers as doubles: the default float parsing would lose the precision these tests check. */
    private static JsonPath json(ValidatableResponse response) {
        return new JsonPath(response.extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static void assertClose(double expected, double actual) {
        assertThat(actual, closeTo(expected, EPS));
    }
}
