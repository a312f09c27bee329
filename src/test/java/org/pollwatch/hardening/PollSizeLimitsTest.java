package org.pollwatch.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.pollwatch.testsupport.TestPolls.newPollster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One submission stays a sane number of rows, and oversized documents are refused before parsing. */
@QuarkusTest
class PollSizeLimitsTest {

    @Test
    void aPollOverTheResultsLimitIsRefusedNamingQuestionsAndNothingIsStored() {
        String pollster = newPollster();
        // 21 questions x (100 options + 10 subgroups x 100 shares) = 23,100 results, each list within its own limit
        Map<String, Object> poll = poll(pollster, 21, 100, 10);
        given().contentType(ContentType.JSON)
                .body(poll)
                .post("/polls")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("questions"))
                .body("errors[0].message", containsString("hold 23100 results"));
        given().queryParam("pollster", pollster).get("/polls").then().body("total", equalTo(0));

        // 18 x 1,100 = 19,800: under the limit, stored whole
        given().contentType(ContentType.JSON)
                .body(poll(pollster, 18, 100, 10))
                .post("/polls")
                .then()
                .statusCode(201);
    }

    @Test
    void aJsonBodyOverTheSizeLimitIsRefusedWith413BeforeItIsRead() {
        String pollster = newPollster();
        String body = "{\"pollster\":\"" + pollster + "\",\"notes\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        for (String method : List.of("POST", "PUT")) {
            given().contentType(ContentType.JSON)
                    .body(body)
                    .request(method, method.equals("POST") ? "/polls" : "/polls/1")
                    .then()
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Content-Length"));
        }
        given().get("/polls/1").then().statusCode(200).body("version", equalTo(0));
    }

    private static Map<String, Object> poll(String pollster, int questions, int options, int subgroups) {
        List<Map<String, Object>> questionList = new ArrayList<>();
        for (int q = 0; q < questions; q++) {
            List<Map<String, Object>> optionList = new ArrayList<>();
            Map<String, Object> shares = new LinkedHashMap<>();
            for (int o = 0; o < options; o++) {
                optionList.add(Map.of("label", "Option " + o, "percentage", 1));
                shares.put("Option " + o, 1);
            }
            List<Map<String, Object>> subgroupList = new ArrayList<>();
            for (int s = 0; s < subgroups; s++) {
                subgroupList.add(Map.of("dimension", "region", "label", "Region " + s, "percentages", shares));
            }
            questionList.add(
                    Map.of("wording", "Question " + q + "?", "options", optionList, "subgroups", subgroupList));
        }
        Map<String, Object> poll = new LinkedHashMap<>();
        poll.put("pollster", pollster);
        poll.put("fieldStart", "2024-01-01");
        poll.put("fieldEnd", "2024-01-05");
        poll.put("population", "adults");
        poll.put("country", "IL");
        poll.put("questions", questionList);
        return poll;
    }
}
