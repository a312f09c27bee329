package org.pollwatch.trends.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;

/**
 * A series of 10,000 polls: imported in one request, its trend computed and then served from the cache,
 * a new poll seen at once, and concurrent requests after it served by one computation. How fast this is
 * is measured by bench/run.sh, not here.
 */
@QuarkusTest
class LargeSeriesTest {

    @Inject
    MeterRegistry metrics;

    static final int POLLS = 10_000;

    @Test
    void tenThousandPollsImportAndAverage() throws Exception {
        String series = "perf-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n");
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < POLLS; i++) {
            LocalDate end = start.plusDays(i / 8);
            double approve = 50 + 5 * Math.sin(i / 800.0) + (i % 40 - 20) / 10.0 + random.nextGaussian() * 2;
            csv.append(end.minusDays(2))
                    .append(',')
                    .append(end)
                    .append(",Pollster ")
                    .append(i % 40)
                    .append(" ")
                    .append(series)
                    .append(",,")
                    .append(600 + random.nextInt(1500))
                    .append(i % 3 == 0 ? ",rv" : ",a")
                    .append(",all,Test,FALSE,Approve?,")
                    .append(String.format(java.util.Locale.ROOT, "%.0f", approve))
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.0f", 95 - approve))
                    .append(",https://example.org/")
                    .append(i)
                    .append('\n');
        }
        SeriesFixtures.importCsv(series, csv.toString()).statusCode(200).body("accepted", equalTo(POLLS));

        int points = given().get("/series/" + series + "/trend")
                .then()
                .statusCode(200)
                .body("polls.size()", equalTo(POLLS))
                .extract()
                .jsonPath()
                .getList("points")
                .size();
        assertTrue(points > 2000, "points: " + points);
        // served again (from the cache): the same answer
        given().get("/series/" + series + "/trend")
                .then()
                .statusCode(200)
                .body("polls.size()", equalTo(POLLS))
                .body("points.size()", equalTo(points));

        // a change is seen at once: one more poll, recomputed
        given().contentType("text/csv")
                .queryParam("series", series)
                .body(csv.substring(0, csv.indexOf("\n") + 1) + "2021-09-01,2021-09-02,Late " + series
                        + ",,1000,a,all,Test,FALSE,Approve?,60,35,\n")
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        // requests arriving together after the change (dashboards refreshing on the live event) wait
        // for one computation of the trend instead of each computing it
        double computedBefore = computations();
        List<String> bodies = together(
                8,
                () -> given().get("/series/" + series + "/trend")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(1.0, computations() - computedBefore, "trend computations for 8 concurrent requests");
        assertEquals(1, Set.copyOf(bodies).size(), "the concurrent requests got different trends");
        assertEquals(
                POLLS + 1,
                io.restassured.path.json.JsonPath.from(bodies.get(0))
                        .getList("polls")
                        .size());
    }

    private double computations() {
        return metrics.get("pollwatch.cache.computations")
                .tag("region", "series-trend")
                .counter()
                .count();
    }

    /** {@code count} calls of {@code request} started at the same moment, their answers in order. */
    private static List<String> together(int count, Callable<String> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> answer : answers) {
                bodies.add(answer.get(60, TimeUnit.SECONDS));
            }
            return bodies;
        } finally {
            threads.shutdownNow();
        }
    }
}
