package org.pollwatch.imports.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pollwatch.imports.config.ImportConfig;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.TestPolls;

@QuarkusTest
class FiveThirtyEightImportTest {

    @Inject
    ImportConfig config;

    static final String HEADER =
            "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n";

    @Test
    void populationPreferenceIsSetOnImportAndApprovalSeriesPreferAdults() {
        String approval = newKey();
        String row = "2021-02-01,2021-02-03,Pref Research " + approval
                + ",,1000,a,all,Biden,FALSE,Approve?,55,40,https://example.org/" + approval + "\n";
        SeriesFixtures.importCsv(approval, HEADER + row).statusCode(200);
        given().get("/series/" + approval)
                .then()
                .statusCode(200)
                .body("populationPreference", contains("adults", "registered_voters", "likely_voters", "voters"));

        // set on an existing series by a later import
        given().contentType("text/csv")
                .queryParam("series", approval)
                .queryParam("populationPreference", "likely_voters, adults")
                .body(HEADER)
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(200);
        given().get("/series/" + approval).then().body("populationPreference", contains("likely_voters", "adults"));

        given().contentType("text/csv")
                .queryParam("series", approval)
                .queryParam("populationPreference", "adults,martians")
                .body(HEADER)
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("populationPreference"));
    }

    @Test
    void importReportsBadRowsAndStoresTheGoodOnes() {
        String series = newKey();
        String pollster = "Test Research " + series;
        String csv = HEADER
                + "2021-02-01,2021-02-03," + pollster
                + ",Daily News,1200,rv,all,Biden,FALSE,\"Do you approve, or disapprove?\",55,40,https://example.org/1\n"
                + "2/4/2021,2/6/2021," + pollster + ",,800.4,a,all,Biden,TRUE,Approve of Biden on COVID?,53,41,\n"
                + "2021-02-30,2021-03-01," + pollster + ",,800,a,all,Biden,FALSE,Bad date,50,40,\n"
                + "2021-02-07,2021-02-08," + pollster + ",,800,a,all,Biden,FALSE,Out of range,140,40,\n"
                + "2021-02-07,2021-02-08," + pollster + ",,800,a,all,Biden\n"
                + "2021-02-07,2021-02-08," + pollster + ",,800,martians,all,Biden,FALSE,Who,50,40,\n"
                + "2021-02-07,2021-02-08," + pollster + ",,800,lv,all,Biden,FALSE,Empty answers,,,\n"
                + "2021-02-09,2021-02-10," + pollster + ",,1000,lv,all,Biden,FALSE,Likely voters,51,45,\n"
                + "2021-02-11,2021-02-12," + pollster + ",,1000,lv,all,Biden,FALSE,Nul \u0000 byte,51,45,\n";
        SeriesFixtures.importCsv(series, csv)
                .statusCode(200)
                .body("series", equalTo(series))
                .body("seriesCreated", equalTo(true))
                .body("rowsRead", equalTo(9))
                .body("accepted", equalTo(3))
                .body("duplicates", equalTo(0))
                .body("rejectedCount", equalTo(6))
                .body("rejected.line", contains(4, 5, 6, 7, 8, 10))
                .body("rejected.column", contains("start_date", "approve", null, "population", "approve", "text"))
                .body("rejected[1].reason", containsString("140"));

        given().get("/series/" + series)
                .then()
                .statusCode(200)
                .body("choices.key", contains("approve", "disapprove"))
                .body("choices.label", contains("Approve", "Disapprove"))
                .body("questions", equalTo(3));
        JsonPath polls = given().get("/series/" + series + "/polls")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .extract()
                .jsonPath();
        assertPoll(polls, "2021-02-03", "registered_voters", 1200, 55.0f, false);
        assertPoll(polls, "2021-02-06", "adults", 800, 53.0f, true);
        assertPoll(polls, "2021-02-10", "likely_voters", 1000, 51.0f, false);
        String slug = polls.getString("items[0].pollster.slug");
        given().get("/pollsters/" + slug).then().statusCode(200).body("name", equalTo(pollster));
        long pollId = polls.getLong("items.find { it.fieldEnd == '2021-02-03' }.pollId");
        given().get("/polls/" + pollId)
                .then()
                .statusCode(200)
                .body("country", equalTo("US"))
                .body("sponsor", equalTo("Daily News"))
                .body("sourceUrl", equalTo("https://example.org/1"))
                .body("questions[0].wording", equalTo("Do you approve, or disapprove?"))
                .body("questions[0].options.label", contains("approve", "disapprove"));
        given().get("/series/" + series + "/trend").then().statusCode(200).body("polls", hasSize(3));
    }

    @Test
    void reimportingTheSameFileCreatesNoDuplicates() {
        String series = newKey();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 12; i++) {
            csv.append(
                    "2021-03-%02d,2021-03-%02d,Repeat Pollster %s,,1000,a,all,Biden,FALSE,Approve?,%d,40,https://example.org/%d\n"
                            .formatted(i, i + 1, series, 45 + i % 5, i));
        }
        csv.append(csv.substring(HEADER.length(), csv.indexOf("\n", HEADER.length()) + 1)); // a row twice in one file
        SeriesFixtures.importCsv(series, csv.toString())
                .statusCode(200)
                .body("rowsRead", equalTo(13))
                .body("accepted", equalTo(12))
                .body("duplicates", equalTo(1));
        SeriesFixtures.importCsv(series, csv.toString())
                .statusCode(200)
                .body("seriesCreated", equalTo(false))
                .body("rowsRead", equalTo(13))
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(13))
                .body("rejected", hasSize(0));
        given().get("/series/" + series + "/polls").then().body("total", equalTo(12));
    }

    @Test
    void aFileLargerThanOneChunkIsStoredWholeWithDuplicatesAcrossChunks() {
        String series = newKey();
        int rows = config.chunkSize() + 5;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            LocalDate end = LocalDate.of(2021, 1, 1).plusDays(i % 700);
            csv.append("%s,%s,Chunk Pollster %d %s,,1000,a,all,Biden,FALSE,Approve? #%d,%d,40,\n"
                    .formatted(end.minusDays(2), end, i % 7, series, i, 40 + i % 15));
        }
        String first = csv.substring(HEADER.length(), csv.indexOf("\n", HEADER.length()) + 1);
        csv.append(first); // the file's first row again, in the second chunk
        SeriesFixtures.importCsv(series, csv.toString())
                .statusCode(200)
                .body("rowsRead", equalTo(rows + 1))
                .body("accepted", equalTo(rows))
                .body("duplicates", equalTo(1));
        given().get("/series/" + series + "/polls").then().body("total", equalTo(rows));
        given().get("/pollsters")
                .then()
                .body(
                        "findAll { it.name.startsWith('Chunk Pollster') && it.name.endsWith('" + series + "') }.size()",
                        equalTo(7));
        given().get("/series/" + series + "/trend").then().statusCode(200).body("polls", hasSize(rows));
    }

    @Test
    void importedAndSubmittedPollsTakeDistinctIdsFromTheSameSequences() {
        String series = newKey();
        String pollster = TestPolls.newPollster();
        Set<Long> pollIds = new HashSet<>();
        for (int round = 1; round <= 3; round++) {
            // a submission takes a block of ids for the ORM, the import takes the next ones in SQL
            assertTrue(pollIds.add(TestPolls.submit(TestPolls.poll(pollster, "800", "2024-02-0" + round, 50, 30))));
            String csv = HEADER
                    + "2021-04-0%d,2021-04-0%d,Id Pollster %s,,900,a,all,Biden,FALSE,Approve?,50,40,\n"
                            .formatted(round, round + 1, series);
            SeriesFixtures.importCsv(series, csv).statusCode(200).body("accepted", equalTo(1));
            assertTrue(pollIds.add(TestPolls.submit(TestPolls.poll(pollster, "800", "2024-02-1" + round, 51, 36))));
        }
        List<Long> imported = given().get("/series/" + series + "/polls")
                .then()
                .body("total", equalTo(3))
                .extract()
                .jsonPath()
                .getList("items.pollId", Long.class);
        for (long id : imported) {
            assertTrue(pollIds.add(id), "poll id " + id + " given twice");
            given().get("/polls/" + id)
                    .then()
                    .statusCode(200)
                    .body("questions[0].options.label", contains("approve", "disapprove"));
        }
    }

    @Test
    void missingColumnsAre400NamingThem() {
        String series = newKey();
        SeriesFixtures.importCsv(
                        series, "start_date,pollster,sample_size,population,text,approve,url\n2021-01-01,X,1,a,t,5,\n")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid CSV header"))
                .body("detail", containsString("end_date"))
                .body("errors.field", containsInAnyOrder("end_date", "disapprove"));
        given().get("/series/" + series).then().statusCode(404);
        SeriesFixtures.importCsv(series, "").statusCode(400).contentType("application/problem+json");
        given().contentType("text/csv")
                .body(HEADER)
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(400)
                .body("errors.field", contains("series"));
        given().contentType("text/csv")
                .queryParam("series", series)
                .queryParam("answers", "very,;drop")
                .body(HEADER)
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(400)
                .body("errors.field", contains("answers"));
    }

    @Test
    void otherAnswerColumnsMapOntoAnExistingSeries() {
        String series = newKey();
        given().contentType("application/json")
                .body("""
                {"key": "%s", "title": "Concern about the coronavirus",
                 "choices": [{"key": "very", "label": "Very concerned"}, {"key": "somewhat", "label": "Somewhat concerned"},
                             {"key": "not_very", "label": "Not very concerned"}, {"key": "not_at_all", "label": "Not at all concerned"}]}
                """.formatted(series))
                .post("/series")
                .then()
                .statusCode(201);
        String csv =
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,very,somewhat,not_very,not_at_all,url\n"
                        + "2020-03-01,2020-03-03,Concern Co " + series
                        + ",,1000,a,all,concern-economy,FALSE,How concerned are you?,30,40,20,10,\n"
                        + "2020-03-04,2020-03-05,Concern Co " + series
                        + ",,1000,a,all,concern-economy,FALSE,How concerned are you?,33,,20,10,\n";
        given().contentType("text/csv")
                .queryParam("series", series)
                .queryParam("answers", "very,somewhat,not_very,not_at_all")
                .body(csv)
                .post("/imports/fivethirtyeight")
                .then()
                .statusCode(200)
                .body("seriesCreated", equalTo(false))
                .body("accepted", equalTo(2));
        given().get("/series/" + series + "/polls")
                .then()
                .body("items[0].shares.size()", equalTo(3))
                .body("items[1].shares.very", equalTo(30.0f));
        SeriesFixtures.importCsv(series, HEADER).statusCode(400).body("errors.field", hasItem("answers"));
    }

    private static void assertPoll(
            JsonPath polls, String fieldEnd, String population, int sampleSize, float approve, boolean tracking) {
        String item = "items.find { it.fieldEnd == '" + fieldEnd + "' }";
        org.junit.jupiter.api.Assertions.assertEquals(population, polls.getString(item + ".population"));
        org.junit.jupiter.api.Assertions.assertEquals(sampleSize, polls.getInt(item + ".sampleSize"));
        org.junit.jupiter.api.Assertions.assertEquals(approve, polls.getFloat(item + ".shares.approve"));
        org.junit.jupiter.api.Assertions.assertEquals(tracking, polls.getBoolean(item + ".tracking"));
    }

    static String newKey() {
        return "i-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
