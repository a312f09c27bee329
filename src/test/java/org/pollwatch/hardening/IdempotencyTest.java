package org.pollwatch.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestPolls;

/** A retried POST with the same Idempotency-Key is answered as the first time, and stores nothing twice. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswerAndStoresOnce() {
        String pollster = TestPolls.newPollster();
        String key = UUID.randomUUID().toString();
        String body = TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36);
        Response first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/polls");
        first.then().statusCode(201);
        Response retry = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/polls");
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .contentType(startsWith("application/json"));
        assertEquals(first.jsonPath().getLong("id"), retry.jsonPath().getLong("id"));
        assertEquals(first.asString(), retry.asString());
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String pollster = TestPolls.newPollster();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(TestPolls.poll(pollster, "1000", "2024-01-25", 51, 36))
                .post("/polls")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(TestPolls.poll(pollster, "1000", "2024-01-25", 52, 35))
                .post("/polls")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:pollwatch:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(1));
    }

    @Test
    void clientErrorsAreRememberedAndEveryPostTakesAKey() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"slug\":\"Not A Slug\",\"name\":\"n\",\"country\":\"IL\"}";
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(invalid)
                .post("/pollsters")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(invalid)
                .post("/pollsters")
                .then()
                .statusCode(400)
                .header("Idempotent-Replayed", "true")
                .contentType(startsWith("application/problem+json"));

        String slug = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String series = "{\"key\":\"" + slug + "\",\"title\":\"T\",\"choices\":[{\"key\":\"yes\",\"label\":\"Yes\"}]}";
        String seriesKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", seriesKey)
                    .body(series)
                    .post("/series")
                    .then()
                    .statusCode(201);
        }
        String csv = "start_date,end_date,pollster,sample_size,population,yes\n2021-03-01,2021-03-02,Ipsos,1000,a,50\n";
        String importKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().contentType("text/csv")
                    .header("Idempotency-Key", importKey)
                    .queryParam("series", slug)
                    .queryParam("answers", "yes")
                    .body(csv)
                    .post("/imports/fivethirtyeight")
                    .then()
                    .statusCode(200)
                    .body("accepted", equalTo(1));
        }
        given().get("/series/" + slug + "/polls").then().body("total", equalTo(1));
    }

    @Test
    void malformedKeysAreRefused() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "x".repeat(201))
                .body("{}")
                .post("/pollsters")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocumentOffersTheKeyOnEveryPost() {
        Map<String, Map<String, Object>> paths =
                given().accept("application/json").get("/q/openapi").jsonPath().getMap("paths");
        int posts = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!(path.getValue().get("post") instanceof Map<?, ?> post)) {
                continue;
            }
            posts++;
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.get("parameters");
            assertTrue(
                    parameters != null
                            && parameters.stream()
                                    .anyMatch(p ->
                                            "Idempotency-Key".equals(p.get("name")) && "header".equals(p.get("in"))),
                    path.getKey() + " has no Idempotency-Key parameter");
            Map<String, Object> responses = (Map<String, Object>) post.get("responses");
            assertTrue(
                    responses.keySet().containsAll(List.of("303", "409", "422")),
                    path.getKey() + ": " + responses.keySet());
        }
        assertTrue(posts >= 6, "POST operations found: " + posts);
    }
}
