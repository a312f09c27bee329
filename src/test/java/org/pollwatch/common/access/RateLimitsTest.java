package org.pollwatch.common.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * Rate limits through HTTP, with limits small enough to reach: a key over its writes per minute gets
 * 429 problem+json with Retry-After and nothing stored, while another key and reads go on; trend
 * requests with parameters are limited per address, the parameterless (cached) ones are not.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallLimits.class)
class RateLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pollwatch.rate-limits.writes-per-key", "12",
                    "pollwatch.rate-limits.writes-per-address", "40",
                    "pollwatch.rate-limits.imports-per-key", "1",
                    "pollwatch.rate-limits.expensive-reads-per-address", "4");
        }
    }

    @Test
    void aKeyOverItsWriteLimitGets429AndStoresNothing() {
        String pollster = TestPolls.newPollster();
        String other = TestPolls.newPollster();
        TestKeys.Issued key = TestKeys.pollsterKey(pollster);
        TestKeys.Issued otherKey = TestKeys.pollsterKey(other);
        // the administrator's writes that made the pollsters and keys count against the bootstrap key
        for (int i = 0; i < 12; i++) {
            submit(key, pollster, "2024-01-" + (20 + i % 10)).then().statusCode(201);
        }
        Response refused = submit(key, pollster, "2024-01-31");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("title", equalTo("Too Many Requests"))
                .body("detail", containsString("12 writes with this key per minute"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(
                12,
                given().auth()
                        .none()
                        .get("/pollsters/" + pollster + "/polls")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
        // another key from the same address, and reads, are not affected
        submit(otherKey, other, "2024-01-25").then().statusCode(201);
        given().auth().none().get("/polls/1").then().statusCode(200);
    }

    @Test
    void importsHaveTheirOwnSmallerLimit() {
        String pollster = TestPolls.newPollster();
        TestKeys.Issued key = TestKeys.issue("{\"name\":\"importer\",\"role\":\"admin\"}");
        String csv =
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n"
                        + "2021-02-01,2021-02-03," + pollster
                        + ",,2200,rv,all,Biden,FALSE,Approve?,58,35,https://example.org/\n";
        String series = "rl-" + System.nanoTime();
        for (int attempt = 0; attempt < 2; attempt++) {
            Response answer = given().auth()
                    .none()
                    .header("Authorization", "Bearer " + key.key())
                    .contentType("text/csv")
                    .body(csv)
                    .post("/imports/fivethirtyeight?series=" + series);
            if (attempt == 0) {
                assertTrue(answer.statusCode() < 300, answer.asString());
            } else {
                answer.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
            }
        }
    }

    @Test
    void trendRequestsWithParametersAreLimitedPerAddress() {
        for (int i = 0; i < 10; i++) {
            given().auth().none().get("/series/no-such-series/trend").then().statusCode(404);
        }
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().auth()
                    .none()
                    .get("/series/no-such-series/trend?confidence=0.9" + i)
                    .statusCode();
            if (status == 429) {
                refused++;
            }
        }
        assertEquals(2, refused, "6 requests with parameters, 4 allowed per minute");
    }

    private static Response submit(TestKeys.Issued key, String pollster, String fieldEnd) {
        return given().auth()
                .none()
                .header("Authorization", "Bearer " + key.key())
                .contentType(ContentType.JSON)
                .body(TestPolls.poll(pollster, "800", fieldEnd, 50, 40))
                .post("/polls");
    }
}
