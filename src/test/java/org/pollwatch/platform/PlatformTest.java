package org.pollwatch.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document, Swagger UI and health checks a user of the service relies on. */
@QuarkusTest
class PlatformTest {

    @Test
    void openApiDocumentsEveryEndpointWithProblemResponses() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
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
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void unknownPathIsAProblem() {
        given().get("/no/such/path").then().statusCode(404);
    }
}
