package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.SecondInstance;
import org.pollwatch.testsupport.TestDatabaseConfig;
import org.pollwatch.testsupport.TestPolls;

/**
 * Polls submitted through this test's instance (A, precomputing off as in every test) have their
 * series' default trend and chart data computed by a second instance (B, precomputing on) that took
 * no part in the writes: B learns of them from the live events. A reader sent to B then finds the
 * trend and the chart in B's cache and B computes and draws nothing for it. An instance started after
 * the writes does the same for the series changed last.
 */
@QuarkusIntegrationTest
class TrendPrecomputeAcrossInstancesIT {

    private static final String CHARTS = "region=\"web-charts\"";
    private static final Path SECOND_LOG = Path.of("target", "precompute-second-instance.log");
    private static final Path STARTED_LATER_LOG = Path.of("target", "precompute-started-later-instance.log");

    @TestDatabaseConfig
    Map<String, String> database;

    @Test
    void anotherInstanceComputesTheTrendOfPollsWrittenThroughThisOne() throws Exception {
        Map<String, String> precomputing = new HashMap<>(database);
        precomputing.put("pollwatch.trends.precompute-after-change", "true");
        try (SecondInstance second = SecondInstance.start(precomputing, SECOND_LOG)) {
            int onB = second.port();

            String key = SeriesFixtures.newSeries();
            String alpha = TestPolls.newPollster(), beta = TestPolls.newPollster();
            double before = counter(onB, "pollwatch_trends_precomputed_total");
            submitThroughA(alpha, key, "2024-03-01", "2024-03-02", 50);
            submitThroughA(beta, key, "2024-03-05", "2024-03-06", 44);
            submitThroughA(alpha, key, "2024-03-10", "2024-03-11", 52);
            awaitPrecomputingSettled(onB, before);

            double computed = counter(onB, "pollwatch_trends_computed_total");
            double drawn = counter(onB, "pollwatch_cache_computations_total", CHARTS);
            assertEquals(
                    3,
                    given().port(onB)
                            .get("/series/" + key + "/trend")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("polls")
                            .size(),
                    "B's trend holds the three polls written through A");
            given().port(onB).get("/series/" + key + "/trend.svg").then().statusCode(200);
            assertEquals(
                    computed, counter(onB, "pollwatch_trends_computed_total"), "B computed the trend for the reader");
            assertEquals(
                    drawn,
                    counter(onB, "pollwatch_cache_computations_total", CHARTS),
                    "B drew the chart for the reader");
        }
    }

    /**
     * An instance started after the writes (precomputing after a change off) computes, once started,
     * the trend and chart of the series changed last, as many as {@code precompute-at-startup} says.
     */
    @Test
    void anInstanceStartedLaterComputesTheSeriesChangedLast() throws Exception {
        String key = SeriesFixtures.newSeries();
        String alpha = TestPolls.newPollster(), beta = TestPolls.newPollster();
        submitThroughA(alpha, key, "2024-04-01", "2024-04-02", 47);
        submitThroughA(beta, key, "2024-04-05", "2024-04-06", 43);

        Map<String, String> startingLater = new HashMap<>(database);
        startingLater.put("pollwatch.trends.precompute-after-change", "false");
        startingLater.put("pollwatch.trends.precompute-at-startup", "1");
        try (SecondInstance second = SecondInstance.start(startingLater, STARTED_LATER_LOG)) {
            int onB = second.port();
            awaitPrecomputingSettled(onB, 0);
            assertEquals(
                    1,
                    counter(onB, "pollwatch_trends_precomputed_total"),
                    "B computed as many series as it was told to");

            double computed = counter(onB, "pollwatch_trends_computed_total");
            double drawn = counter(onB, "pollwatch_cache_computations_total", CHARTS);
            given().port(onB).get("/series/" + key + "/trend.svg").then().statusCode(200);
            given().port(onB).get("/series/" + key + "/trend").then().statusCode(200);
            assertEquals(
                    computed,
                    counter(onB, "pollwatch_trends_computed_total"),
                    "B had not computed the series changed last");
            assertEquals(
                    drawn,
                    counter(onB, "pollwatch_cache_computations_total", CHARTS),
                    "B had not drawn the chart of the series changed last");
        }
    }

    private static void submitThroughA(
            String pollster, String series, String fieldStart, String fieldEnd, int approve) {
        SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, fieldStart, fieldEnd, null, "adults", 1000, approve, 40));
    }

    /** Until B has precomputed at least once and finished none for a second (at most 60 s). */
    private static void awaitPrecomputingSettled(int port, double before) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        double last = -1;
        while (System.nanoTime() < deadline) {
            double now = counter(port, "pollwatch_trends_precomputed_total");
            if (now > before && now == last) {
                return;
            }
            last = now;
            Thread.sleep(1000);
        }
        fail("the second instance precomputed nothing that settled within 60 s");
    }

    /** A counter's value in the instance's Prometheus metrics, 0 before it is first counted. */
    private static double counter(int port, String name) {
        return counter(port, name, "");
    }

    /** The same, of the counter whose labels include {@code label} ({@code name="value"}). */
    private static double counter(int port, String name, String label) {
        String metrics = given().port(port)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher line =
                Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group().contains(label)) {
                return Double.parseDouble(line.group(1));
            }
        }
        return 0;
    }
}
