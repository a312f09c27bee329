package org.pollwatch.series;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Series and series polls built through the API, each test with its own series. */
public final class SeriesFixtures {

    private SeriesFixtures() {}

    /** Creates an approve/disapprove series with a fresh key and returns the key. */
    public static String newSeries() {
        String key = "s-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("""
                {"key": "%s", "title": "Approval of the government's response",
                 "choices": [{"key": "approve", "label": "Approve"}, {"key": "disapprove", "label": "Disapprove"}]}
                """.formatted(key))
                .post("/series")
                .then()
                .statusCode(201);
        return key;
    }

    /**
     * A poll with one approval question (Approve, Disapprove, Not sure) joined to {@code series} (null: none),
     * "Not sure" left out of the series.
     */
    public static String poll(
            String pollster,
            String series,
            String fieldStart,
            String fieldEnd,
            String publishedOn,
            String population,
            int sampleSize,
            double approve,
            double disapprove) {
        return """
                {
                  "pollster": "%s",
                  "fieldStart": "%s",
                  "fieldEnd": "%s",
                  "publishedOn": %s,
                  "population": "%s",
                  "country": "US",
                  "sampleSize": %d,
                  "questions": [
                    {
                      "wording": "Do you approve or disapprove of the government's response to the outbreak?",
                      "options": [
                        {"label": "Approve", "percentage": %.1f},
                        {"label": "Disapprove", "percentage": %.1f},
                        {"label": "Not sure", "percentage": %.1f}
                      ]%s
                    }
                  ]
                }
                """.formatted(
                pollster,
                fieldStart,
                fieldEnd,
                publishedOn == null ? "null" : "\"" + publishedOn + "\"",
                population,
                sampleSize,
                approve,
                disapprove,
                Math.max(0, 100 - approve - disapprove),
                series == null ? "" : ", \"series\": \"" + series + "\", \"seriesChoices\": {\"Not sure\": null}");
    }

    public static long submit(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** POSTs {@code csv} (FiveThirtyEight's poll columns) to the import into {@code series}: its answer, to check. */
    public static ValidatableResponse importCsv(String series, String csv) {
        return importInto(series, given().body(csv));
    }

    /** As {@link #importCsv(String, String)}, with the file's bytes as read. */
    public static ValidatableResponse importCsv(String series, byte[] csv) {
        return importInto(series, given().body(csv));
    }

    private static ValidatableResponse importInto(String series, RequestSpecification request) {
        return request.contentType("text/csv")
                .queryParam("series", series)
                .post("/imports/fivethirtyeight")
                .then();
    }
}
