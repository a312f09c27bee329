package org.pollwatch.trends.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.series.SeriesPollView;
import org.pollwatch.series.service.SeriesService;
import org.pollwatch.testsupport.TestPolls;

/**
 * A read of a series' polls brought up to date after changes (only the polls changed since read
 * again) is the read of the whole series made at that time: for the trend's polls in each of their
 * forms (realtime versions, current values, as of a day) and for the series' polls as listed.
 */
@QuarkusTest
class UpdatedSeriesReadTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-02-20");

    @Inject
    TrendQueries trends;

    @Inject
    SeriesService series;

    @Inject
    MeterRegistry metrics;

    /** The three ways a trend reads a series' polls: realtime, as of now, as of a day. */
    private record Form(LocalDate asOf, boolean versioned) {}

    private static final List<Form> FORMS =
            List.of(new Form(null, true), new Form(null, false), new Form(AS_OF, false), new Form(AS_OF, true));

    @Test
    void anUpdatedReadIsTheReadOfTheWholeSeriesNow() {
        String key = SeriesFixtures.newSeries();
        String other = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        submit(pollster, key, "2024-02-01", "2024-02-02", 50);
        long revised = submit(pollster, key, "2024-02-03", "2024-02-04", 48);
        long retracted = submit(TestPolls.newPollster(), key, "2024-02-05", "2024-02-06", 47);
        String leavingPollster = TestPolls.newPollster();
        long leaving = submit(leavingPollster, key, "2024-02-07", "2024-02-08", 46);
        long revisedTwice = submit(pollster, key, "2024-02-09", "2024-02-10", 45);
        TestPolls.reviseFirstVersion(revisedTwice, poll(pollster, key, "2024-02-09", "2024-02-10", 44));

        List<TrendQueries.SeriesPolls> before = new ArrayList<>();
        for (Form form : FORMS) {
            before.add(trends.load(key, form.asOf(), form.versioned(), List.of()));
        }
        SeriesService.AllPolls listed = series.allPolls(key, false);
        SeriesService.AllPolls listedWithRetracted = series.allPolls(key, true);

        long added = submit(TestPolls.newPollster(), key, "2024-02-11", "2024-02-12", 52);
        TestPolls.reviseFirstVersion(revised, poll(pollster, key, "2024-02-03", "2024-02-04", 55));
        given().queryParam("reason", "fieldwork error")
                .delete("/polls/" + retracted)
                .then()
                .statusCode(200);
        TestPolls.reviseFirstVersion(leaving, poll(leavingPollster, other, "2024-02-07", "2024-02-08", 46));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"poll-" + revisedTwice + "-v1\"")
                .body(poll(pollster, key, "2024-02-09", "2024-02-10", 43))
                .put("/polls/" + revisedTwice)
                .then()
                .statusCode(200);
        submit(TestPolls.newPollster(), other, "2024-02-11", "2024-02-12", 30);

        for (int i = 0; i < FORMS.size(); i++) {
            Form form = FORMS.get(i);
            TrendQueries.SeriesPolls updated =
                    trends.update(before.get(i), key, form.asOf(), form.versioned(), List.of());
            TrendQueries.SeriesPolls whole = trends.load(key, form.asOf(), form.versioned(), List.of());
            assertNotEquals(describe(before.get(i)), describe(whole), form + ": the changes changed nothing");
            assertEquals(describe(whole), describe(updated), form.toString());
            assertEquals(whole.pollsterNames(), updated.pollsterNames(), form.toString());
        }
        List<Long> ids = ids(series.allPollsUpdated(listed, key, false));
        assertTrue(ids.contains(added), "the new poll is not listed");
        assertFalse(ids.contains(leaving), "the poll that left the series is still listed");
        assertFalse(ids.contains(retracted), "the retracted poll is still listed");
        assertEquals(describe(series.allPolls(key, false)), describe(series.allPollsUpdated(listed, key, false)));
        assertEquals(
                describe(series.allPolls(key, true)), describe(series.allPollsUpdated(listedWithRetracted, key, true)));
    }

    @Test
    void aQuestionAttachedToTheSeriesAfterTheReadIsInTheUpdatedRead() {
        String key = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        submit(pollster, key, "2024-03-01", "2024-03-02", 50);
        long outside = submit(pollster, null, "2024-03-03", "2024-03-04", 58);
        TrendQueries.SeriesPolls before = trends.load(key, null, true, List.of());
        SeriesService.AllPolls listed = series.allPolls(key, false);

        // the poll's row does not change: only the series' redefinition tells the update to read it all
        long questionId =
                given().get("/polls/" + outside).then().extract().jsonPath().getLong("questions[0].id");
        given().contentType(ContentType.JSON)
                .body("{\"questionId\": " + questionId + ", \"seriesChoices\": {\"Not sure\": null}}")
                .post("/series/" + key + "/questions")
                .then()
                .statusCode(200);

        TrendQueries.SeriesPolls updated = trends.update(before, key, null, true, List.of());
        assertEquals(2, updated.polls().size());
        assertEquals(describe(trends.load(key, null, true, List.of())), describe(updated));
        assertEquals(2, series.allPollsUpdated(listed, key, false).polls().size());
    }

    @Test
    void aTrendAndAChartAfterASubmissionReadOnlyThePollsChanged() {
        String key = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        long first = submit(pollster, key, "2024-04-01", "2024-04-02", 50);
        given().get("/series/" + key + "/trend.svg").then().statusCode(200); // trend and dots read whole

        double trendUpdates = updates("series-polls");
        double dotUpdates = updates("web-series-polls");
        long second = submit(TestPolls.newPollster(), key, "2024-04-03", "2024-04-04", 60);
        given().get("/series/" + key + "/trend").then().statusCode(200).body("polls", contains((int) first, (int)
                second));
        assertEquals(1.0, updates("series-polls") - trendUpdates, "the trend's polls were not brought up to date");
        String chart = given().get("/series/" + key + "/trend.svg")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(1.0, updates("web-series-polls") - dotUpdates, "the dots' polls were not brought up to date");
        assertTrue(chart.contains("2024-04-04"), "the new poll is not drawn");
    }

    /** Values of cache region {@code region} brought up to date so far. */
    private double updates(String region) {
        var counter =
                metrics.find("pollwatch.cache.updates").tag("region", region).counter();
        return counter == null ? 0 : counter.count();
    }

    private static long submit(String pollster, String series, String fieldStart, String fieldEnd, int approve) {
        return SeriesFixtures.submit(poll(pollster, series, fieldStart, fieldEnd, approve));
    }

    private static String poll(String pollster, String series, String fieldStart, String fieldEnd, int approve) {
        return SeriesFixtures.poll(pollster, series, fieldStart, fieldEnd, null, "adults", 1000, approve, 40);
    }

    /** Every value the trend engine reads of each poll version, in the order read. */
    private static List<String> describe(TrendQueries.SeriesPolls read) {
        List<String> polls = new ArrayList<>();
        for (TrendQueries.PollValues p : read.polls()) {
            polls.add(String.join(
                    "|",
                    String.valueOf(p.id),
                    String.valueOf(p.questionId),
                    p.pollster,
                    String.valueOf(p.fieldStart),
                    String.valueOf(p.fieldEnd),
                    String.valueOf(p.publishedOn),
                    String.valueOf(p.sampleSize),
                    String.valueOf(p.population),
                    String.valueOf(p.tracking),
                    String.valueOf(p.retracted),
                    String.valueOf(p.disclosureItems),
                    String.valueOf(p.retractedOn),
                    String.valueOf(p.validFrom),
                    String.valueOf(p.until),
                    String.valueOf(p.shares)));
        }
        return polls;
    }

    private static List<String> describe(SeriesService.AllPolls read) {
        return read.polls().stream().map(SeriesPollView::toString).toList();
    }

    private static List<Long> ids(SeriesService.AllPolls read) {
        return read.polls().stream().map(SeriesPollView::pollId).toList();
    }
}
