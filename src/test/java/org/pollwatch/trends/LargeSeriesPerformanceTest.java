package org.pollwatch.trends;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A series of 10,000 polls: imported in one request, its trend computed once, then served warm from the cache. */
@QuarkusTest
class LargeSeriesPerformanceTest {

    static final int POLLS = 10_000;
    static final long WARM_P99_GOAL_MS = 50;

    @TestHTTPResource("/")
    URL base;

    @Test
    void trendOfTenThousandPollsIsFastWhenWarm() throws Exception {
        String series = "perf-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n");
        Random random = new Random(42);
        LocalDate start = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < POLLS; i++) {
            LocalDate end = start.plusDays(i / 8);
            double approve = 50 + 5 * Math.sin(i / 800.0) + (i % 40 - 20) / 10.0 + random.nextGaussian() * 2;
            csv.append(end.minusDays(2)).append(',').append(end).append(",Pollster ").append(i % 40).append(" ").append(series)
                    .append(",,").append(600 + random.nextInt(1500)).append(i % 3 == 0 ? ",rv" : ",a")
                    .append(",all,Test,FALSE,Approve?,").append(String.format(java.util.Locale.ROOT, "%.0f", approve))
                    .append(',').append(String.format(java.util.Locale.ROOT, "%.0f", 95 - approve)).append(",https://example.org/").append(i).append('\n');
        }
        long t0 = System.nanoTime();
        given().contentType("text/csv").queryParam("series", series).body(csv.toString()).post("/imports/fivethirtyeight")
                .then().statusCode(200).body("accepted", equalTo(POLLS));
        long importMs = (System.nanoTime() - t0) / 1_000_000;

        t0 = System.nanoTime();
        int points = given().get("/series/" + series + "/trend").then().statusCode(200)
                .body("polls.size()", equalTo(POLLS)).extract().jsonPath().getList("points").size();
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(points > 2000, "points: " + points);

        // cache misses once the JVM is warm: load (one query) and compute
        long missMs = 0;
        for (int i = 0; i < 8; i++) {
            t0 = System.nanoTime();
            given().queryParam("confidence", String.valueOf(0.90 + i / 100.0)).get("/series/" + series + "/trend").then().statusCode(200);
            missMs = (System.nanoTime() - t0) / 1_000_000;
        }

        // timed with a plain HTTP client, which adds little of its own
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "series/" + series + "/trend")).GET().build();
        int requests = 300;
        double[] ms = new double[requests];
        for (int i = 0; i < requests + 50; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - t) / 1e6;
            assertEquals(200, response.statusCode());
            if (i >= 50) {
                ms[i - 50] = elapsed;
            }
        }
        Arrays.sort(ms);
        double p50 = ms[requests / 2];
        double p99 = ms[(int) Math.ceil(requests * 0.99) - 1];
        System.out.printf(java.util.Locale.ROOT, "Series of %d polls: import %d ms, cold trend %d ms (%d points), cache miss on a warm JVM %d ms, warm trend p50 %.1f ms, p99 %.1f ms%n",
                POLLS, importMs, coldMs, points, missMs, p50, p99);
        assertTrue(p99 < WARM_P99_GOAL_MS, "warm p99 " + p99 + " ms");

        // a change is seen at once: one more poll, recomputed
        given().contentType("text/csv").queryParam("series", series)
                .body(csv.substring(0, csv.indexOf("\n") + 1) + "2021-09-01,2021-09-02,Late " + series + ",,1000,a,all,Test,FALSE,Approve?,60,35,\n")
                .post("/imports/fivethirtyeight").then().statusCode(200).body("accepted", equalTo(1));
        assertEquals(POLLS + 1, given().get("/series/" + series + "/trend").jsonPath().getList("polls").size());
    }
}
