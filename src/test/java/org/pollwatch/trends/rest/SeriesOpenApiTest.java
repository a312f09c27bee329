package org.pollwatch.trends.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The series, trend and import endpoints are documented, with examples and problem responses. */
@QuarkusTest
class SeriesOpenApiTest {

    @Test
    void seriesTrendAndImportEndpointsAreDocumented() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/series'.post.summary", equalTo("Create a series"))
                .body("paths.'/series'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/series'.post.responses.'400'.content.'application/problem+json'", notNullValue())
                .body("paths.'/series'.get", notNullValue())
                .body("paths.'/series/{key}'.get.responses.'404'.content.'application/problem+json'", notNullValue())
                .body("paths.'/series/{key}/polls'.get", notNullValue())
                .body("paths.'/series/{key}/questions'.post.responses.'409'", notNullValue())
                .body("paths.'/series/{key}/trend'.get.parameters.name", hasItem("as-of"))
                .body("paths.'/series/{key}/trend'.get.parameters.name", hasItem("exclude-pollster"))
                .body(
                        "paths.'/series/{key}/trend'.get.responses.'200'.content.'application/json'.schema",
                        notNullValue())
                .body(
                        "paths.'/series/{key}/trend'.get.responses.'400'.content.'application/problem+json'.examples",
                        notNullValue())
                .body("paths.'/series/{key}/trend.csv'.get.responses.'200'.content.'text/csv'", notNullValue())
                .body("paths.'/series/{key}/house-effects'.get.summary", equalTo("House effects of the pollsters"))
                .body("paths.'/imports/fivethirtyeight'.post.requestBody.content.'text/csv'.examples", notNullValue())
                .body(
                        "paths.'/imports/fivethirtyeight'.post.responses.'400'.content.'application/problem+json'.examples",
                        notNullValue())
                .body("components.schemas.Trend", notNullValue())
                .body("components.schemas.ImportReport", notNullValue());
    }
}
