package org.pollwatch.pollsters.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.poll;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PollsterResourceTest {

    @Test
    void registerReadAndList() {
        given().contentType(ContentType.JSON)
                .body(
                        "{\"slug\":\"pew-research-test\",\"name\":\"Pew Research Center\",\"website\":\"https://www.pewresearch.org\",\"country\":\"US\"}")
                .post("/pollsters")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/pollsters/pew-research-test"))
                .body("name", equalTo("Pew Research Center"));
        given().get("/pollsters/pew-research-test")
                .then()
                .statusCode(200)
                .body("website", equalTo("https://www.pewresearch.org"))
                .body("country", equalTo("US"));
        given().get("/pollsters")
                .then()
                .statusCode(200)
                .body("slug", hasItem("pew-research-test"))
                .body("slug", hasItem("israel-democracy-institute"));
    }

    @Test
    void duplicateSlugIsAConflict() {
        String slug = newPollster();
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Again\"}")
                .post("/pollsters")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void invalidPollsterNamesTheFields() {
        given().contentType(ContentType.JSON)
                .body("{\"slug\":\"Not A Slug\",\"name\":\"\",\"country\":\"Israel\"}")
                .post("/pollsters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("slug", "name", "country"));
    }

    @Test
    void pollsOfAPollster() {
        String slug = newPollster();
        long id = submit(poll(slug, "900", "2024-01-25", 51, 36));
        given().get("/pollsters/" + slug + "/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) id));
        given().get("/pollsters/no-such-pollster/polls").then().statusCode(404).contentType("application/problem+json");
        given().get("/pollsters/no-such-pollster").then().statusCode(404).contentType("application/problem+json");
    }
}
