package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestPolls;

/**
 * With precomputing on, the polls submitted to a series have their default trend and chart data
 * computed after the commit: the reader who follows finds the trend (JSON) and the default chart (SVG,
 * both themes) in the cache, up to date, and computes and draws nothing; a trend with other parameters
 * and a chart of another size are still computed or drawn on demand.
 */
@QuarkusTest
@TestProfile(TrendPrecomputeTest.Precomputing.class)
class TrendPrecomputeTest {

    public static class Precomputing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the import's wait long enough for a loaded machine: the test is about what it waits for
            return Map.of("pollwatch.trends.precompute-after-change", "true", "pollwatch.import.trend-wait", "30s");
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void theReaderAfterASubmissionFindsTheTrendAndChartComputed() throws InterruptedException {
        String key = SeriesFixtures.newSeries();
        String alpha = TestPolls.newPollster(), beta = TestPolls.newPollster();
        double before = count("pollwatch.trends.precomputed");
        submit(alpha, key, "2024-03-01", "2024-03-02", 50);
        submit(beta, key, "2024-03-05", "2024-03-06", 44);
        submit(alpha, key, "2024-03-10", "2024-03-11", 52);
        awaitPrecomputingSettled(before);

        double computed = count("pollwatch.trends.computed");
        double drawn = chartsDrawn();
        assertEquals(3, contributingPolls(key));
        given().get("/series/" + key + "/trend.svg").then().statusCode(200);
        given().get("/series/" + key + "/trend.svg?theme=dark").then().statusCode(200);
        assertEquals(computed, count("pollwatch.trends.computed"), "the reader computed the trend itself");
        assertEquals(drawn, chartsDrawn(), "the reader's default charts were drawn for it");
        given().get("/series/" + key + "/trend.svg?width=500").then().statusCode(200);
        assertEquals(drawn + 1, chartsDrawn(), "a chart of another size is drawn on demand");

        given().get("/series/" + key + "/trend?confidence=0.8").then().statusCode(200);
        assertEquals(computed + 1, count("pollwatch.trends.computed"), "other parameters are computed on demand");
    }

    /**
     * An import answers only once its series' default trend and charts are computed, on its own thread:
     * the reader who asks the moment it answers is served from the cache. 1,500 polls, so that the
     * background computation the import's live event starts could not have finished first.
     */
    @Test
    void theReaderTheMomentAnImportAnswersFindsTheTrendAndChartComputed() {
        String key = "import-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n");
        java.time.LocalDate first = java.time.LocalDate.of(2022, 1, 1);
        for (int i = 0; i < 1500; i++) {
            java.time.LocalDate end = first.plusDays(i / 3);
            csv.append(end.minusDays(2))
                    .append(',')
                    .append(end)
                    .append(",Pollster ")
                    .append(i % 12)
                    .append(' ');
            csv.append(key).append(",,").append(800 + i % 700).append(",a,all,Test,FALSE,Approve?,");
            csv.append(45 + i % 7)
                    .append(',')
                    .append(48 - i % 5)
                    .append(",https://example.org/")
                    .append(i);
            csv.append('\n');
        }
        double precomputedBefore = count("pollwatch.trends.precomputed");
        SeriesFixtures.importCsv(key, csv.toString()).statusCode(200);
        // read before any request: the import's own computation is counted by the time it answers
        assertTrue(count("pollwatch.trends.precomputed") > precomputedBefore, "nothing computed before the answer");

        double computed = count("pollwatch.trends.computed");
        double drawn = chartsDrawn();
        given().get("/series/" + key + "/trend.svg").then().statusCode(200);
        given().get("/series/" + key + "/trend.svg?theme=dark").then().statusCode(200);
        assertEquals(1500, contributingPolls(key));
        assertEquals(computed, count("pollwatch.trends.computed"), "the reader computed the trend itself");
        assertEquals(drawn, chartsDrawn(), "the reader's default charts were drawn for it");
    }

    /** Until at least one precomputation has run and none has finished for half a second (at most 30 s). */
    private void awaitPrecomputingSettled(double before) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        double last = -1;
        while (System.nanoTime() < deadline) {
            double now = count("pollwatch.trends.precomputed");
            if (now > before && now == last) {
                return;
            }
            last = now;
            Thread.sleep(500);
        }
        assertTrue(false, "no precomputation settled within 30 s");
    }

    /** The number of polls the series' default trend names as contributing. */
    private static int contributingPolls(String key) {
        return given().get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("polls")
                .size();
    }

    private double chartsDrawn() {
        var counter = metrics.find("pollwatch.cache.computations")
                .tag("region", "web-charts")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double count(String name) {
        var counter = metrics.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void submit(String pollster, String series, String fieldStart, String fieldEnd, int approve) {
        SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, fieldStart, fieldEnd, null, "adults", 1000, approve, 40));
    }
}
