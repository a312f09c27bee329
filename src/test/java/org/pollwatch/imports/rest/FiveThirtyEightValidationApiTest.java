package org.pollwatch.imports.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightPollReader;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightToplineReader;
import org.pollwatch.imports.fivethirtyeight.PollRow;
import org.pollwatch.imports.fivethirtyeight.Topline;
import org.pollwatch.series.SeriesFixtures;

/**
 * End to end: FiveThirtyEight's Biden COVID-approval polls (CC BY 4.0, see the test resources'
 * README) imported through the HTTP endpoint, the realtime trend fetched through the API, compared
 * with FiveThirtyEight's published daily averages. The bounds are those of the engine's own
 * validation (FiveThirtyEightValidationTest). The prediction range is scored as the README states: each
 * poll against the range of the day before it became available (its field end: the file has no
 * publication dates), at 95 %.
 */
@QuarkusTest
class FiveThirtyEightValidationApiTest {

    static final double APPROVE_BOUND = 0.50;
    static final double DISAPPROVE_BOUND = 0.50;
    static final double PREDICTION_LOW = 0.93;
    static final double PREDICTION_HIGH = 0.97;

    @Test
    void realtimeTrendThroughTheApiTracksFiveThirtyEightAverages() throws IOException {
        String series = "biden-covid-approval-538";
        byte[] polls;
        try (InputStream in = resource("covid_approval_polls_biden_all.csv")) {
            polls = in.readAllBytes();
        }
        SeriesFixtures.importCsv(series, polls)
                .statusCode(200)
                .body("rowsRead", equalTo(184))
                .body("accepted", equalTo(184))
                .body("rejectedCount", equalTo(0));

        List<Topline> toplines;
        try (FiveThirtyEightToplineReader reader = new FiveThirtyEightToplineReader(
                new InputStreamReader(resource("covid_approval_toplines_biden_all.csv"), StandardCharsets.UTF_8),
                List.of("approve", "disapprove"))) {
            toplines = reader.stream().toList();
        }
        LocalDate first = toplines.stream()
                .map(Topline::modelDate)
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = toplines.stream()
                .map(Topline::modelDate)
                .max(LocalDate::compareTo)
                .orElseThrow();

        JsonPath trend = given().queryParam("mode", "realtime")
                .queryParam("from", first.toString())
                .queryParam("to", last.toString())
                .get("/series/" + series + "/trend")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Double> ours = new HashMap<>();
        Map<String, double[]> range = new HashMap<>();
        for (Map<String, Object> point : trend.<Map<String, Object>>getList("points")) {
            String key = point.get("choice") + "@" + point.get("date");
            ours.put(key, ((Number) point.get("estimate")).doubleValue());
            range.put(key, new double[] {
                ((Number) point.get("predictionLower")).doubleValue(),
                ((Number) point.get("predictionUpper")).doubleValue()
            });
        }
        double approve = 0, disapprove = 0;
        for (Topline topline : toplines) {
            Double a = ours.get("approve@" + topline.modelDate());
            Double d = ours.get("disapprove@" + topline.modelDate());
            assertTrue(a != null && d != null, "an estimate for " + topline.modelDate());
            approve += Math.abs(a - topline.estimates().get("approve"));
            disapprove += Math.abs(d - topline.estimates().get("disapprove"));
        }
        approve /= toplines.size();
        disapprove /= toplines.size();
        System.out.printf(
                "FiveThirtyEight validation through the API (%s, realtime, %d days %s..%s): approve MAE %.3f, disapprove MAE %.3f%n",
                trend.getString("method"), toplines.size(), first, last, approve, disapprove);
        assertEquals(222, toplines.size());
        assertTrue(approve <= APPROVE_BOUND, "approve MAE " + approve);
        assertTrue(disapprove <= DISAPPROVE_BOUND, "disapprove MAE " + disapprove);

        try (FiveThirtyEightPollReader reader = FiveThirtyEightPollReader.approval(
                new InputStreamReader(resource("covid_approval_polls_biden_all.csv"), StandardCharsets.UTF_8))) {
            int[] scored = new int[2], inside = new int[2];
            reader.forEachRemaining(row -> {
                PollRow poll = (PollRow) row;
                List<String> choices = List.of("approve", "disapprove");
                for (int c = 0; c < 2; c++) {
                    double[] r = range.get(choices.get(c) + "@" + poll.endDate().minusDays(1));
                    Double y = poll.answers().get(choices.get(c));
                    if (r == null || y == null) continue;
                    scored[c]++;
                    if (y >= r[0] && y <= r[1]) inside[c]++;
                }
            });
            for (int c = 0; c < 2; c++) {
                double share = (double) inside[c] / scored[c];
                System.out.printf(
                        "95 %% prediction range, choice %d: %d of %d polls inside%n", c, inside[c], scored[c]);
                assertTrue(scored[c] > 150, "polls scored: " + scored[c]);
                assertTrue(share >= PREDICTION_LOW && share <= PREDICTION_HIGH, "prediction coverage " + share);
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = FiveThirtyEightValidationApiTest.class.getResourceAsStream("/fivethirtyeight-covid/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource /fivethirtyeight-covid/" + name);
        }
        return in;
    }
}
