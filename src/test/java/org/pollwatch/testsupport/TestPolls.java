package org.pollwatch.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Builds poll documents and registers pollsters through the API, each test with its own pollster. */
public final class TestPolls {

    private TestPolls() {}

    /** Registers a pollster with a fresh slug and returns the slug. */
    public static String newPollster() {
        String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Pollster " + slug + "\",\"country\":\"IL\"}")
                .post("/pollsters")
                .then()
                .statusCode(201);
        return slug;
    }

    /** A poll like IDI's January 2024 one, with the given pollster, sample size (or "null") and shares. */
    public static String poll(String pollster, String sampleSize, String fieldEnd, int hostages, int hamas) {
        return """
                {
                  "pollster": "%s",
                  "fieldStart": "2024-01-20",
                  "fieldEnd": "%s",
                  "publishedOn": null,
                  "population": "adults",
                  "populationDescription": "Israeli adults",
                  "country": "IL",
                  "mode": "online",
                  "sampleSize": %s,
                  "questions": [
                    {
                      "wording": "What should be the main goal of the war?",
                      "topics": ["israel-hamas-war", "Hostages"],
                      "options": [
                        {"label": "Returning the hostages", "percentage": %d},
                        {"label": "Toppling Hamas", "percentage": %d},
                        {"label": "Don't know", "percentage": 5}
                      ],
                      "subgroups": [
                        {"dimension": "sector", "label": "Jewish Israelis", "sampleSize": 500,
                         "percentages": {"Returning the hostages": 47, "Toppling Hamas": 42}},
                        {"dimension": "sector", "label": "Arab Israelis", "sampleSize": 120,
                         "percentages": {"Returning the hostages": 69, "Toppling Hamas": 8}}
                      ]
                    }
                  ]
                }
                """.formatted(pollster, fieldEnd, sampleSize, hostages, hamas);
    }

    /** Submits a poll (JSON text, or a map rest-assured writes as JSON) and returns its id. */
    public static long submit(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Revises poll {@code id} from its first version (If-Match v0) with {@code body}, expecting 200. */
    public static void reviseFirstVersion(long id, Object body) {
        reviseFirstVersion(id, body, null);
    }

    /** As {@link #reviseFirstVersion(long, Object)}, with the revision's {@code reason} (null: none). */
    public static void reviseFirstVersion(long id, Object body, String reason) {
        var request = given().contentType(ContentType.JSON).header("If-Match", "\"poll-" + id + "-v0\"");
        if (reason != null) {
            request.queryParam("reason", reason);
        }
        request.body(body).put("/polls/" + id).then().statusCode(200);
    }
}
