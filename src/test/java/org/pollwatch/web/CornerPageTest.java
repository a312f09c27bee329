package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CornerPageTest {

    @Test
    void cornerIsServedWithItsLabelledFormsAndScript() {
        given().auth()
                .none()
                .get("/corner")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", "DENY")
                .body(containsString("<h1>Pollster's corner</h1>"))
                .body(containsString("<label for=\"api-key\">API key"))
                .body(containsString("type=\"password\""))
                .body(containsString("<label for=\"f-country\">Country (ISO code)</label>"))
                .body(containsString("data-error-for=\"country\""))
                .body(containsString("<label for=\"csv-file\">"))
                .body(containsString("id=\"preview-button\""))
                .body(containsString("<template id=\"question-template\">"))
                .body(containsString("<script src=\"/static/corner.js\" defer></script>"))
                .body(containsString("/q/swagger-ui/#/Polls/submitPoll"))
                // the key is never part of the page: it lives in the tab's session storage
                .body(not(containsString("Bearer test-")));
        given().get("/static/corner.js")
                .then()
                .statusCode(200)
                .body(containsString("sessionStorage"))
                .body(containsString("/comparisons/lead-preview"));
    }

    @Test
    void everyPageLinksToTheCorner() {
        given().get("/").then().statusCode(200).body(containsString("<a href=\"/corner\">Pollster's corner</a>"));
        given().get("/dashboard/polls/1")
                .then()
                .statusCode(200)
                .body(containsString("<a href=\"/corner\">Pollster's corner</a>"));
    }
}
