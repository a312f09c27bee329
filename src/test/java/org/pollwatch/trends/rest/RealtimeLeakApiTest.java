package org.pollwatch.trends.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pollwatch.series.SeriesFixtures.newSeries;
import static org.pollwatch.series.SeriesFixtures.poll;
import static org.pollwatch.series.SeriesFixtures.submit;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestPolls;

/**
 * Through the API: the default realtime trend at every day D equals the answer {@code as-of=D} gives for D
 * (polls of unknown size, a poll reported for two populations, a revision and a retraction included), and
 * polls published after D never change the value at D.
 */
@QuarkusTest
class RealtimeLeakApiTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2024, 1, 20);

    @Test
    void realtimeOnEveryDayEqualsAsOfThatDay() {
        String key = newSeries();
        String[] pollsters = {newPollster(), newPollster(), newPollster()};
        long revised = 0, retracted = 0;
        for (int i = 0; i < 12; i++) {
            String end = FIRST.plusDays(i + 1).toString();
            String published = FIRST.plusDays(i + 1 + i % 3).toString();
            int n = i % 3 == 1 ? 0 : 600 + 100 * i; // 0: unknown size
            String body = poll(
                            pollsters[i % 3],
                            key,
                            FIRST.plusDays(i).toString(),
                            end,
                            published,
                            "adults",
                            n,
                            48 + (i % 3) * 2 + i * 0.2,
                            45 - i * 0.1)
                    .replace("\"sampleSize\": 0,", "\"sampleSize\": null,");
            long id = submit(body);
            if (i == 4) revised = id;
            if (i == 7) retracted = id;
            if (i == 5) { // the same fieldwork among likely voters, published two days later
                submit(poll(
                        pollsters[i % 3],
                        key,
                        FIRST.plusDays(i).toString(),
                        end,
                        FIRST.plusDays(i + 3 + i % 3).toString(),
                        "likely_voters",
                        500,
                        44,
                        50));
            }
        }
        TestPolls.reviseFirstVersion(
                revised,
                poll(
                        pollsters[1],
                        null,
                        FIRST.plusDays(4).toString(),
                        FIRST.plusDays(5).toString(),
                        FIRST.plusDays(6).toString(),
                        "adults",
                        900,
                        58,
                        37),
                "Weighting corrected");
        given().queryParam("reason", "Withdrawn")
                .delete("/polls/" + retracted)
                .then()
                .statusCode(200);

        Map<String, Double> realtime = points(given().queryParam("to", LAST.toString())
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        int compared = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            Map<String, Double> asOf = points(given().queryParam("as-of", d.toString())
                    .get("/series/" + key + "/trend")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath());
            for (String field : List.of("estimate", "lower", "upper", "predictionLower", "predictionUpper")) {
                for (String choice : List.of("approve", "disapprove")) {
                    String k = choice + "|" + d + "|" + field;
                    assertEquals(asOf.get(k), realtime.get(k), k);
                    if (realtime.get(k) != null) compared++;
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared);

        // polls published after the last day leave every earlier day as it was
        for (int i = 0; i < 5; i++) {
            String day = LAST.plusDays(1 + i).toString();
            submit(poll(newPollster(), key, day, day, day, "adults", i % 2 == 0 ? 20000 : 0, 70, 25)
                    .replace("\"sampleSize\": 0,", "\"sampleSize\": null,"));
        }
        Map<String, Double> later = points(given().queryParam("to", LAST.toString())
                .get("/series/" + key + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        assertEquals(realtime, later);
    }

    private static Map<String, Double> points(JsonPath trend) {
        Map<String, Double> out = new HashMap<>();
        List<Map<String, Object>> points = trend.getList("points");
        for (Map<String, Object> p : points) {
            for (String field : List.of("estimate", "lower", "upper", "predictionLower", "predictionUpper")) {
                Object v = p.get(field);
                out.put(
                        p.get("choice") + "|" + p.get("date") + "|" + field,
                        v == null ? null : ((Number) v).doubleValue());
            }
        }
        return out;
    }
}
