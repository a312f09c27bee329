package org.pollwatch.polls.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.pollwatch.testsupport.TestPolls.newPollster;
import static org.pollwatch.testsupport.TestPolls.submit;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.TestPolls;

/** GET /polls?q=: full-text search over wording, topics, options, pollster and sponsor, best match first. */
@QuarkusTest
class PollSearchTest {

    private static final Random RANDOM = new Random();

    /** A made-up word no other test data contains, so each test sees only its own polls. */
    private static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) w.append((char) ('a' + RANDOM.nextInt(26)));
        return w.toString();
    }

    private static String poll(String pollster, String sponsor, String wording, String topic, String option) {
        return """
                {"pollster": "%s", "sponsor": %s, "fieldStart": "2023-03-01", "fieldEnd": "2023-03-03",
                 "population": "adults", "country": "GB", "sampleSize": 1000,
                 "questions": [{"wording": "%s", "topics": ["%s"],
                   "options": [{"label": "%s", "percentage": 40}, {"label": "Other answer", "percentage": 60}]}]}
                """.formatted(pollster, sponsor == null ? "null" : "\"" + sponsor + "\"", wording, topic, option);
    }

    @Test
    void qFindsTheSeededPollByWhatItIsAbout() {
        // "hostages" is a topic and an option label of the seeded IDI poll, not in its wording
        for (String q : new String[] {"hostages", "hostage", "Returning the hostages", "Israel Democracy Institute"}) {
            given().queryParam("q", q)
                    .queryParam("size", 100)
                    .get("/polls")
                    .then()
                    .statusCode(200)
                    .body("items.pollster.slug", hasItem("israel-democracy-institute"));
        }
    }

    @Test
    void qMatchesOptionsTopicsPollsterAndSponsorAndStemsWords() {
        String pollster = newPollster();
        String inOption = word(), inTopic = word(), inSponsor = word();
        long id = submit(
                poll(pollster, "The " + inSponsor + " Trust", "Do you agree?", inTopic, inOption + " referendums"));
        for (String q : new String[] {inOption, inTopic, inSponsor, inOption + " referendum", "Pollster " + pollster}) {
            given().queryParam("q", q)
                    .queryParam("pollster", pollster)
                    .get("/polls")
                    .then()
                    .statusCode(200)
                    .body("items.id", contains((int) id));
        }
        given().queryParam("q", word()).get("/polls").then().statusCode(200).body("items", empty());
    }

    @Test
    void bestMatchComesFirstAndAnExplicitSortStillApplies() {
        String pollster = newPollster();
        String term = word();
        long inSponsor = submit(poll(pollster, term + " Foundation", "Who will win?", "elections", "Labour"));
        long inWording = submit(poll(pollster, null, "Is " + term + " a good idea?", term, "Yes"));
        given().queryParam("q", term)
                .get("/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains((int) inWording, (int) inSponsor));
        given().queryParam("q", term)
                .queryParam("sort", "id")
                .get("/polls")
                .then()
                .statusCode(200)
                .body("items.id", contains((int) inSponsor, (int) inWording));
    }

    @Test
    void webSearchSyntaxPhrasesExclusionsAndAlternatives() {
        String pollster = newPollster();
        String a = word(), b = word(), c = word();
        long both = submit(poll(pollster, null, a + " " + b + " question", "topic", "Yes"));
        long reversed = submit(poll(pollster, null, b + " then " + a + " " + c, "topic", "Yes"));
        given().queryParam("q", "\"" + a + " " + b + "\"").get("/polls").then().body("items.id", contains((int) both));
        given().queryParam("q", a + " -" + c).get("/polls").then().body("items.id", contains((int) both));
        given().queryParam("q", a + " or " + b)
                .queryParam("sort", "id")
                .get("/polls")
                .then()
                .body("items.id", contains((int) both, (int) reversed));
    }

    @Test
    void aRevisionIsSearchedByItsNewContentOnly() {
        String pollster = newPollster();
        String before = word(), after = word();
        long id = submit(poll(pollster, null, "Old " + before + " wording", "topic", "Yes"));
        TestPolls.reviseFirstVersion(id, poll(pollster, null, "New " + after + " wording", "topic", "Yes"));
        given().queryParam("q", before).get("/polls").then().body("items", empty());
        given().queryParam("q", after).get("/polls").then().body("items.id", contains((int) id));
    }

    @Test
    void importedPollsAreSearchableByWordingAndPollster() {
        String series = "search-" + word();
        String pollsterName = "Institute " + word();
        String wording = "Do you approve of " + word() + "?";
        String csv = "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,"
                + "approve,disapprove,url\n"
                + "2021-02-01,2021-02-03," + pollsterName + ",,1000,a,all,Biden,FALSE," + wording
                + ",52,40,https://example.org/a\n";
        given().contentType("text/csv")
                .queryParam("series", series)
                .queryParam("answers", "approve,disapprove")
                .body(csv)
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        given().queryParam("q", wording.substring(18, wording.length() - 1))
                .get("/polls")
                .then()
                .body("total", equalTo(1))
                .body("items[0].pollster.name", equalTo(pollsterName));
        given().queryParam("q", pollsterName).get("/polls").then().body("total", equalTo(1));
    }
}
