package org.pollwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;

/** The embed kit: iframe pages other sites may frame, their copy-paste code, and oEmbed. */
@QuarkusTest
class EmbedTest {

    @TestHTTPResource("/")
    URL base;

    private String base() {
        String url = base.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Test
    void aSeriesEmbedShowsItsChartWithAltTextAndMayBeFramedAnywhere() {
        String key = seriesWithPolls();
        given().queryParam("mode", "hindsight")
                .get("/embed/series/" + key)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("<img src=\"/series/" + key + "/trend.svg?mode=hindsight\" alt=\""))
                .body(containsString("theme=dark\" media=\"(prefers-color-scheme: dark)\""))
                .body(containsString("href=\"/dashboard/series/" + key + "?mode=hindsight\""))
                .body(containsString("<script src=\"/static/embed.js\"></script>"))
                .body(not(containsString("alt=\"\"")));
        given().get("/embed/series/no-such-series").then().statusCode(404);
        given().queryParam("method", "nonsense")
                .get("/embed/series/" + key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("method"));
    }

    @Test
    void aQuestionEmbedShowsTheSeededPollsBars() {
        given().get("/embed/polls/1/questions/1")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", nullValue())
                .body(containsString("What should be the main goal of the war?"))
                .body(containsString("Israel Democracy Institute, 2024-01-01 to 2024-01-31"))
                .body(containsString("<img src=\"/polls/1/questions/1/chart.svg\""));
        given().get("/embed/polls/1/questions/999999").then().statusCode(404);
        given().get("/embed/polls/999999999/questions/1").then().statusCode(404);
    }

    @Test
    void dashboardPagesOfferTheEmbedCodeAndOEmbedDiscoveryButAreNotFramable() {
        String key = seriesWithPolls();
        given().get("/dashboard/series/" + key)
                .then()
                .statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("&lt;iframe src=&quot;" + base() + "/embed/series/" + key + "&quot;"))
                .body(containsString("/static/embed-resizer.js"))
                .body(containsString("type=\"application/json+oembed\" href=\"/oembed?url="));
        given().get("/dashboard/polls/1")
                .then()
                .statusCode(200)
                .body(containsString("&lt;iframe src=&quot;" + base() + "/embed/polls/1/questions/1&quot;"));
        given().get("/static/embed.js").then().statusCode(200).body(containsString("datawrapper-height"));
        given().get("/static/embed-resizer.js").then().statusCode(200).body(containsString("contentWindow"));
    }

    @Test
    void oEmbedAnswersForSeriesAndPollPagesOfThisService() {
        String key = seriesWithPolls();
        given().queryParam("url", base() + "/dashboard/series/" + key + "?mode=hindsight")
                .get("/oembed")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("version", equalTo("1.0"))
                .body("type", equalTo("rich"))
                .body("provider_name", equalTo("Pollwatch"))
                .body("title", equalTo("Approval of the government's response"))
                .body("html", startsWith("<iframe src=\"" + base() + "/embed/series/" + key + "?mode=hindsight\""))
                .body("width", equalTo(640))
                .body("height", equalTo(460))
                .body("thumbnail_url", endsWith("/series/" + key + "/trend.png?mode=hindsight"));
        given().queryParam("url", base() + "/dashboard/polls/1")
                .queryParam("maxwidth", 300)
                .queryParam("maxheight", 200)
                .get("/oembed")
                .then()
                .statusCode(200)
                .body("html", startsWith("<iframe src=\"" + base() + "/embed/polls/1/questions/1\""))
                .body("html", containsString("height=\"200\""))
                .body("width", equalTo(300))
                .body("height", equalTo(200));
    }

    @Test
    void oEmbedRefusesWhatItCannotEmbed() {
        given().get("/oembed").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().queryParam("url", "https://elsewhere.example/dashboard/series/x")
                .get("/oembed")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("url", base() + "/polls/1").get("/oembed").then().statusCode(404);
        given().queryParam("url", base() + "/dashboard/series/no-such-series")
                .get("/oembed")
                .then()
                .statusCode(404);
        given().queryParam("url", base() + "/dashboard/polls/1")
                .queryParam("format", "xml")
                .get("/oembed")
                .then()
                .statusCode(501)
                .contentType("application/problem+json");
        given().queryParam("url", base() + "/dashboard/polls/1")
                .queryParam("format", "yaml")
                .get("/oembed")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParam("url", base() + "/dashboard/polls/1")
                .queryParam("maxwidth", "wide")
                .get("/oembed")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("maxwidth"));
    }

    private static String seriesWithPolls() {
        String key = SeriesFixtures.newSeries();
        String pollster = newPollster();
        SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, key, "2021-06-01", "2021-06-03", null, "adults", 1000, 50, 40));
        SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, key, "2021-06-08", "2021-06-10", null, "adults", 1000, 52, 41));
        return key;
    }
}
