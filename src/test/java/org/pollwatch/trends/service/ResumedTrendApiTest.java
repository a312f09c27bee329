package org.pollwatch.trends.service;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestPolls;

/**
 * After a submission or a revision, a trend asked again is resumed from its previous computation (the
 * counter moves) and answers what a whole computation answers: the same request with a default spelt
 * out is another cache entry with nothing to resume, so it is computed whole.
 */
@QuarkusTest
class ResumedTrendApiTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aTrendAfterASubmissionAndARevisionIsResumedAndEqualsTheWholeComputation() {
        String key = SeriesFixtures.newSeries();
        String alpha = TestPolls.newPollster(), beta = TestPolls.newPollster();
        long third = threePolls(key, alpha, beta);
        trend(key, ""); // computed whole, kept for resuming

        double before = resumed();
        submit(beta, key, "2024-03-14", "2024-03-15", 47);
        JsonPath afterSubmission = trend(key, "");
        assertEquals(1.0, resumed() - before, "the trend was not resumed after the submission");
        assertEquals(points(trend(key, "?confidence=0.95")), points(afterSubmission));
        assertEquals(
                List.of(key, 4),
                List.of(
                        afterSubmission.getString("series"),
                        afterSubmission.getList("polls").size()));

        TestPolls.reviseFirstVersion(third, poll(alpha, key, "2024-03-10", "2024-03-11", 58));
        JsonPath afterRevision = trend(key, "");
        assertEquals(2.0, resumed() - before, "the trend was not resumed after the revision");
        assertEquals(points(trend(key, "?adjust-house-effects=true")), points(afterRevision));
    }

    @Test
    void aTrendForOtherDatesResumesTheSweepOfTheWholeSeries() {
        String key = SeriesFixtures.newSeries();
        String alpha = TestPolls.newPollster(), beta = TestPolls.newPollster();
        threePolls(key, alpha, beta);
        submit(beta, key, "2024-03-14", "2024-03-15", 47);
        trend(key, ""); // the whole series, kept for resuming

        for (String dates : List.of("?to=2024-03-08", "?from=2024-03-06&to=2024-03-12", "?to=2024-03-30")) {
            double before = resumed();
            JsonPath resumedTrend = trend(key, dates);
            assertEquals(1.0, resumed() - before, dates + " did not resume the whole series' sweep");
            JsonPath whole = trend(key, dates + "&confidence=0.95"); // another entry: nothing to resume
            assertFalse(points(whole).isEmpty(), dates);
            assertEquals(points(whole), points(resumedTrend), dates);
            assertEquals(whole.getList("polls"), resumedTrend.getList("polls"), dates);
            assertEquals(
                    given().get("/series/" + key + "/house-effects" + dates + "&confidence=0.95")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("houseEffects"),
                    given().get("/series/" + key + "/house-effects" + dates)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("houseEffects"),
                    dates);
        }
    }

    /** Three polls of two pollsters in March 2024; returns the third's id. */
    private static long threePolls(String key, String alpha, String beta) {
        submit(alpha, key, "2024-03-01", "2024-03-02", 50);
        submit(beta, key, "2024-03-05", "2024-03-06", 44);
        return submit(alpha, key, "2024-03-10", "2024-03-11", 52);
    }

    private static JsonPath trend(String key, String query) {
        return given().get("/series/" + key + "/trend" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Object> points(JsonPath trend) {
        return trend.getList("points");
    }

    private double resumed() {
        var counter = metrics.find("pollwatch.trends.resumed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long submit(String pollster, String series, String fieldStart, String fieldEnd, int approve) {
        return SeriesFixtures.submit(poll(pollster, series, fieldStart, fieldEnd, approve));
    }

    private static String poll(String pollster, String series, String fieldStart, String fieldEnd, int approve) {
        return SeriesFixtures.poll(pollster, series, fieldStart, fieldEnd, null, "adults", 1000, approve, 40);
    }
}
