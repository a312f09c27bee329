package org.pollwatch.events.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.pollwatch.series.SeriesFixtures;
import org.pollwatch.testsupport.SseStream;
import org.pollwatch.testsupport.SseStream.Event;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * GET /events through HTTP against the test database: each write's events reach a subscriber within
 * 2 s, a reconnecting client gets exactly what it missed, filters and bad parameters, heartbeats
 * (every 1 s in the test profile) and the subscriber limit (20 in the test profile).
 */
@QuarkusTest
class LiveEventsTest {

    private static final Duration WITHIN = Duration.ofSeconds(2);

    @Test
    void aSubmittedPollIsAnnouncedWithinTwoSeconds() throws Exception {
        String pollster = TestPolls.newPollster();
        TestKeys.Issued key = TestKeys.pollsterKey(pollster);
        try (SseStream stream = SseStream.open(port(), "/events?pollster=" + pollster)) {
            assertEquals(200, stream.status());
            assertTrue(stream.response()
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("text/event-stream"));
            long id = given().auth()
                    .oauth2(key.key())
                    .contentType(ContentType.JSON)
                    .body(TestPolls.poll(pollster, "800", "2024-01-25", 50, 40))
                    .post("/polls")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            long answered = System.nanoTime();
            Event event = stream.next(WITHIN);
            assertNotNull(event, "no event within 2 s of the answer");
            assertTrue(System.nanoTime() - answered < WITHIN.toNanos());
            assertEquals("poll-submitted", event.name());
            JsonPath data = new JsonPath(event.data());
            assertEquals("poll-submitted", data.getString("type"));
            assertEquals(id, data.getLong("pollId"));
            assertEquals(pollster, data.getString("pollster"));
            assertEquals(List.of(), data.getList("series"));
            assertEquals(Long.parseLong(event.id()), data.getLong("id"));
            assertNotNull(data.getString("time"));
            assertNull(stream.next(Duration.ofMillis(300)), "a poll in no series moves no average");
        }
    }

    @Test
    void revisionsAndRetractionsAreAnnouncedWithTheAveragesTheyMove() throws Exception {
        String series = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        try (SseStream stream = SseStream.open(port(), "/events?pollster=" + pollster)) {
            long id = submitAndSeeItAnnounced(stream, pollster, series);

            given().contentType(ContentType.JSON)
                    .header("If-Match", "*")
                    .queryParam("reason", "reweighted")
                    .body(SeriesFixtures.poll(
                            pollster, series, "2024-03-01", "2024-03-02", null, "adults", 1000, 52, 38))
                    .put("/polls/" + id)
                    .then()
                    .statusCode(200);
            assertEvent(stream.next(WITHIN), "poll-revised", id, List.of(series));
            assertEvent(stream.next(WITHIN), "average-recomputed", id, List.of(series));

            given().queryParam("reason", "withdrawn")
                    .delete("/polls/" + id)
                    .then()
                    .statusCode(200);
            assertEvent(stream.next(WITHIN), "poll-retracted", id, List.of(series));
            assertEvent(stream.next(WITHIN), "average-recomputed", id, List.of(series));
        }
    }

    @Test
    void aRevisionNamingNoSeriesKeepsTheMembershipAndMovesItsAverage() throws Exception {
        String series = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        try (SseStream stream = SseStream.open(port(), "/events?series=" + series)) {
            long id = submitAndSeeItAnnounced(stream, pollster, series);
            // the revised document names no series: the question at the same position stays a member
            given().contentType(ContentType.JSON)
                    .header("If-Match", "*")
                    .body(TestPolls.poll(pollster, "900", "2024-03-02", 50, 40))
                    .put("/polls/" + id)
                    .then()
                    .statusCode(200);
            Event revised = stream.next(WITHIN);
            assertNotNull(revised);
            assertEquals("poll-revised", revised.name());
            assertTrue(new JsonPath(revised.data()).getList("series").contains(series));
            assertEvent(stream.next(WITHIN), "average-recomputed", id, List.of(series));
        }
    }

    @Test
    void aQuestionJoiningASeriesRecomputesItsAverage() throws Exception {
        String series = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        long id = SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, null, "2024-03-01", "2024-03-02", null, "adults", 1000, 50, 40));
        long question = given().get("/polls/" + id).then().extract().jsonPath().getLong("questions[0].id");
        try (SseStream stream = SseStream.open(port(), "/events?series=" + series)) {
            given().contentType(ContentType.JSON)
                    .body("{\"questionId\":" + question + ",\"seriesChoices\":{\"Not sure\":null}}")
                    .post("/series/" + series + "/questions")
                    .then()
                    .statusCode(200);
            Event event = stream.next(WITHIN);
            assertNotNull(event);
            assertEquals("average-recomputed", event.name());
            assertEquals(List.of(series), new JsonPath(event.data()).getList("series"));
        }
    }

    @Test
    void anImportRecomputesItsSeriesAverageOnce() throws Exception {
        String series = "i-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(
                "start_date,end_date,pollster,sponsor,sample_size,population,party,subject,tracking,text,approve,disapprove,url\n");
        for (int day = 1; day <= 3; day++) {
            csv.append(
                    "2021-02-0%d,2021-02-0%d,Live Research %s,,1000,a,all,Biden,FALSE,Approve?,5%d,40,https://example.org/%s/%d\n"
                            .formatted(day, day + 1, series, day, series, day));
        }
        try (SseStream stream = SseStream.open(port(), "/events?type=average-recomputed")) {
            SeriesFixtures.importCsv(series, csv.toString()).statusCode(200);
            List<Event> ofImport = stream.drain(Duration.ofMillis(800)).stream()
                    .filter(e -> new JsonPath(e.data()).getList("series").contains(series))
                    .toList();
            assertEquals(1, ofImport.size(), ofImport.toString());
            JsonPath data = new JsonPath(ofImport.get(0).data());
            assertNull(data.get("pollId"));
            assertNull(data.get("pollster"));
        }
    }

    @Test
    void aReconnectingClientGetsExactlyTheEventsItMissed() throws Exception {
        String pollster = TestPolls.newPollster();
        String lastSeen;
        try (SseStream stream = SseStream.open(port(), "/events?pollster=" + pollster)) {
            TestPolls.submit(TestPolls.poll(pollster, "800", "2024-01-25", 50, 40));
            Event first = stream.next(WITHIN);
            assertNotNull(first);
            lastSeen = first.id();
        }
        List<Long> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(TestPolls.submit(TestPolls.poll(pollster, "800", "2024-01-2" + (6 + i), 50, 40)));
        }
        // another pollster's poll: written meanwhile, but not asked for
        TestPolls.submit(TestPolls.poll(TestPolls.newPollster(), "800", "2024-01-25", 50, 40));

        try (SseStream header =
                        SseStream.open(port(), "/events?pollster=" + pollster, Map.of("Last-Event-ID", lastSeen));
                SseStream parameter =
                        SseStream.open(port(), "/events?pollster=" + pollster + "&lastEventId=" + lastSeen)) {
            for (SseStream resumed : List.of(header, parameter)) {
                List<Event> replayed = resumed.drain(Duration.ofMillis(700));
                assertEquals(
                        missed,
                        replayed.stream()
                                .map(e -> new JsonPath(e.data()).getLong("pollId"))
                                .toList(),
                        "exactly the missed polls, in order: " + replayed);
                assertTrue(replayed.stream().allMatch(e -> e.name().equals("poll-submitted")));
                List<Long> ids =
                        replayed.stream().map(e -> Long.parseLong(e.id())).toList();
                assertTrue(ids.get(0) > Long.parseLong(lastSeen));
                assertEquals(ids.stream().sorted().toList(), ids);
            }
            // and the live events follow, once
            long next = TestPolls.submit(TestPolls.poll(pollster, "800", "2024-01-29", 50, 40));
            for (SseStream resumed : List.of(header, parameter)) {
                Event live = resumed.next(WITHIN);
                assertNotNull(live);
                assertEquals(next, new JsonPath(live.data()).getLong("pollId"));
                assertNull(resumed.next(Duration.ofMillis(300)));
            }
        }
    }

    @Test
    void anIdOlderThanTheHistoryStartsWithEventsMissed() throws Exception {
        String pollster = TestPolls.newPollster();
        long polled = TestPolls.submit(TestPolls.poll(pollster, "800", "2024-01-25", 50, 40));
        long latest;
        try (Connection db = connect();
                var row = db.createStatement().executeQuery("select value from live_event_counter")) {
            row.next();
            latest = row.getLong(1);
            // as the pruning would after an hour: the poll's event and all before it are gone
            db.createStatement().executeUpdate("delete from live_event where id <= " + latest);
        }
        assertTrue(polled > 0);
        for (String lastEventId : List.of("0", Long.toString(latest + 1000))) {
            try (SseStream stream = SseStream.open(port(), "/events", Map.of("Last-Event-ID", lastEventId))) {
                Event missed = stream.next(WITHIN);
                assertNotNull(missed, "events-missed after Last-Event-ID " + lastEventId);
                assertEquals("events-missed", missed.name());
                JsonPath data = new JsonPath(missed.data());
                assertEquals(Long.parseLong(lastEventId), data.getLong("lastEventId"));
                assertTrue(Long.parseLong(missed.id()) >= latest, "the client resumes from now on");
            }
        }
        // an id of the history itself is no gap
        try (SseStream stream = SseStream.open(port(), "/events", Map.of("Last-Event-ID", Long.toString(latest)))) {
            assertEquals(200, stream.status());
            Event first = stream.next(Duration.ofMillis(500));
            assertTrue(first == null || !first.name().equals("events-missed"), String.valueOf(first));
        }
    }

    @Test
    void aListenerThatLostTheDatabaseCatchesUpWhenItIsBack() throws Exception {
        String pollster = TestPolls.newPollster();
        try (SseStream stream = SseStream.open(port(), "/events?pollster=" + pollster)) {
            try (Connection db = connect()) {
                int terminated = 0;
                try (var rows = db.createStatement()
                        .executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                                + " where application_name = 'pollwatch-events' and datname = current_database()")) {
                    while (rows.next()) {
                        terminated++;
                    }
                }
                assertEquals(1, terminated, "one listening connection");
            }
            // committed while the instance is not listening: it reads it from the table once back
            long id = TestPolls.submit(TestPolls.poll(pollster, "800", "2024-01-25", 50, 40));
            Event event = stream.next(Duration.ofSeconds(5));
            assertNotNull(event, "nothing after the reconnection");
            assertEquals(id, new JsonPath(event.data()).getLong("pollId"));
        }
    }

    @Test
    void filtersLetThroughOnlyTheAskedSeriesPollstersAndTypes() throws Exception {
        String series = SeriesFixtures.newSeries();
        String other = SeriesFixtures.newSeries();
        String pollster = TestPolls.newPollster();
        try (SseStream bySeries = SseStream.open(port(), "/events?series=" + series);
                SseStream byType =
                        SseStream.open(port(), "/events?type=average-recomputed&series=" + series + "," + other);
                SseStream byPollster =
                        SseStream.open(port(), "/events?pollster=" + pollster + "&type=poll-submitted")) {
            long inOther = SeriesFixtures.submit(
                    SeriesFixtures.poll(pollster, other, "2024-03-01", "2024-03-02", null, "adults", 1000, 50, 40));
            long inSeries = SeriesFixtures.submit(SeriesFixtures.poll(
                    TestPolls.newPollster(), series, "2024-03-01", "2024-03-02", null, "adults", 1000, 50, 40));

            List<Event> ofSeries = bySeries.drain(Duration.ofMillis(800));
            assertEquals(
                    List.of("poll-submitted", "average-recomputed"),
                    ofSeries.stream().map(Event::name).toList());
            assertTrue(ofSeries.stream().allMatch(e -> new JsonPath(e.data()).getLong("pollId") == inSeries));

            List<Event> averages = byType.drain(Duration.ofMillis(800));
            assertEquals(
                    List.of(other, series),
                    averages.stream()
                            .map(e -> new JsonPath(e.data()).getList("series").get(0))
                            .toList());
            assertTrue(averages.stream().allMatch(e -> e.name().equals("average-recomputed")));

            List<Event> ofPollster = byPollster.drain(Duration.ofMillis(800));
            assertEquals(1, ofPollster.size(), ofPollster.toString());
            assertEquals(inOther, new JsonPath(ofPollster.get(0).data()).getLong("pollId"));
        }
    }

    @Test
    void badParametersAre400NamingThem() {
        String pollster = TestPolls.newPollster();
        Map<String, Map<String, String>> cases = Map.of(
                "series", Map.of("series", "no-such-series"),
                "pollster", Map.of("pollster", pollster + "-unknown"),
                "type", Map.of("type", "poll-deleted"),
                "lastEventId", Map.of("lastEventId", "yesterday"));
        cases.forEach((field, query) -> given().accept("text/event-stream")
                .queryParams(query)
                .get("/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field)));
        given().accept("text/event-stream")
                .header("Last-Event-ID", "-3")
                .get("/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Last-Event-ID"));
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() throws Exception {
        try (SseStream stream = SseStream.open(port(), "/events?type=poll-retracted")) {
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (!stream.comments().contains("heartbeat") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(stream.comments().contains("heartbeat"), "comments: " + stream.comments());
        }
    }

    @Test
    void oneStreamOverTheLimitIs503WithRetryAfter() throws Exception {
        List<SseStream> open = new ArrayList<>();
        try {
            SseStream refused = null;
            // streams of earlier tests close at their next heartbeat: at most 20 + a few succeed
            for (int i = 0; i < 40 && refused == null; i++) {
                SseStream stream = SseStream.open(port(), "/events?type=poll-retracted");
                if (stream.status() == 200) {
                    open.add(stream);
                } else {
                    refused = stream;
                }
            }
            assertNotNull(refused, "no stream was refused");
            assertTrue(open.size() <= 20, open.size() + " streams open");
            assertEquals(503, refused.status());
            assertEquals(
                    "5", refused.response().headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.response()
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/problem+json"));
            assertTrue(refused.body().contains("event streams"));
        } finally {
            open.forEach(SseStream::close);
        }
        // closed streams are noticed at the next heartbeat, and their places are free again
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try (SseStream again = SseStream.open(port(), "/events")) {
                status = again.status();
            }
            if (status == 200) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(200, status);
    }

    @Test
    void theOpenApiDocumentDescribesTheStream() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/events'.get.responses.'200'.content", org.hamcrest.Matchers.hasKey("text/event-stream"))
                .body("paths.'/events'.get.description", containsString("average-recomputed"))
                .body("paths.'/events'.get.parameters.name", hasItem("Last-Event-ID"))
                .body("paths.'/events'.get.responses.'503'.headers", org.hamcrest.Matchers.hasKey("Retry-After"))
                .body("components.schemas.LiveEvent.properties.type.enum", hasItem("poll-submitted"));
    }

    /** Submits a poll of the series and reads its two events: submitted, and the average it moved. */
    private static long submitAndSeeItAnnounced(SseStream stream, String pollster, String series)
            throws InterruptedException {
        long id = SeriesFixtures.submit(
                SeriesFixtures.poll(pollster, series, "2024-03-01", "2024-03-02", null, "adults", 1000, 50, 40));
        assertEvent(stream.next(WITHIN), "poll-submitted", id, List.of(series));
        assertEvent(stream.next(WITHIN), "average-recomputed", id, List.of(series));
        return id;
    }

    private static void assertEvent(Event event, String type, long pollId, List<String> series) {
        assertNotNull(event, "no " + type + " event");
        assertEquals(type, event.name(), event.data());
        JsonPath data = new JsonPath(event.data());
        assertEquals(type, data.getString("type"));
        assertEquals(pollId, data.getLong("pollId"));
        assertEquals(series, data.getList("series"));
    }

    private static int port() {
        return RestAssured.port;
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @SuppressWarnings("unused")
    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
