package org.pollwatch.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document, Swagger UI and health checks a user of the service relies on. */
@QuarkusTest
class PlatformTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyErrorAnswerIsAProblemWithAnExample() {
        Map<String, Map<String, Map<String, Object>>> paths =
                given().accept("application/json").get("/q/openapi").jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?>) || ((Map<String, Object>) operation).get("responses") == null) {
                return;
            }
            ((Map<String, Map<String, Object>>) ((Map<String, Object>) operation).get("responses"))
                    .forEach((status, response) -> {
                        if (status.startsWith("4") || status.startsWith("5")) {
                            Map<String, Object> content = (Map<String, Object>) response.get("content");
                            Map<String, Object> problem = content == null
                                    ? null
                                    : (Map<String, Object>) content.get("application/problem+json");
                            if (problem == null
                                    || (problem.get("example") == null && problem.get("examples") == null)) {
                                missing.add(method + " " + path + " " + status);
                            }
                        }
                    });
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void openApiDocumentsEveryEndpointWithProblemResponses() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Pollwatch API"))
                .body("paths.'/polls'.post.summary", equalTo("Submit a poll"))
                .body("paths.'/polls'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/polls'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/polls/{id}'.get.responses.'404'", notNullValue())
                .body("paths.'/polls/{id}/revisions'.get", notNullValue())
                .body("paths.'/pollsters/{slug}/polls'.get", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    void everyOperationHasItsOwnNamedOperationId() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.version", equalTo("1.2.0"))
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> fields) || !fields.containsKey("responses")) return;
            Object id = fields.get("operationId");
            if (id == null) missing.add(method + " " + path);
            else ids.add(id.toString());
        }));
        assertEquals(List.of(), missing, "operations without operationId");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds repeat: " + ids);
        assertTrue(ids.contains("searchPolls") && ids.contains("getTrend"), ids.toString());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void unknownPathIsAProblem() {
        given().get("/no/such/path").then().statusCode(404);
    }

    @Test
    void browsersOnOtherOriginsMayReadTheApi() {
        given().header("Origin", "https://dashboard.example.org")
                .header("Access-Control-Request-Method", "GET")
                .options("/polls")
                .then()
                .statusCode(200)
                .header(
                        "Access-Control-Allow-Origin",
                        org.hamcrest.Matchers.anyOf(equalTo("*"), equalTo("https://dashboard.example.org")));
        given().header("Origin", "https://dashboard.example.org")
                .get("/polls/1")
                .then()
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void responsesAreCompressedWhenTheClientAsks() {
        given().header("Accept-Encoding", "gzip")
                .queryParam("size", 100)
                .get("/polls")
                .then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/polls/1").then().statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("/polls/{id}"));
    }
}
