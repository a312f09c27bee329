package org.pollwatch.events.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.testsupport.SecondInstance;
import org.pollwatch.testsupport.SseStream;
import org.pollwatch.testsupport.SseStream.Event;
import org.pollwatch.testsupport.TestDatabaseConfig;
import org.pollwatch.testsupport.TestPolls;

/**
 * Events reach the subscribers of every instance on the database: the packaged application of this
 * test (A) and a second one (B) started here from the same jar. A poll written through A is announced
 * on B's stream, and B's stream has the ids A's has, so a client that saw an event on A resumes on B.
 */
@QuarkusIntegrationTest
class LiveEventsAcrossInstancesIT {

    private static final Path SECOND_LOG = Path.of("target", "events-second-instance.log");
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TestDatabaseConfig
    Map<String, String> database;

    @Test
    void anEventWrittenThroughOneInstanceReachesTheOthersSubscribers() throws Exception {
        try (SecondInstance second = SecondInstance.start(database, SECOND_LOG)) {
            int secondPort = second.port();
            String pollster = TestPolls.newPollster();
            String filter = "/events?pollster=" + pollster;
            String seenOnA;
            try (SseStream onA = SseStream.open(RestAssured.port, filter);
                    SseStream onB = SseStream.open(secondPort, filter)) {
                assertEquals(200, onB.status());
                long id = submitThroughA(pollster, "2024-01-25");
                Event fromB = onB.next(WITHIN);
                assertNotNull(fromB, "B announced nothing within 2 s of A's answer");
                assertEquals("poll-submitted", fromB.name());
                assertEquals(id, new JsonPath(fromB.data()).getLong("pollId"));
                Event fromA = onA.next(WITHIN);
                assertNotNull(fromA);
                assertEquals(fromA.id(), fromB.id(), "the same event has the same id on both instances");
                assertEquals(fromA.data(), fromB.data());
                seenOnA = fromA.id();
            }
            // the client lost A; what was written meanwhile is replayed by B
            long missed = submitThroughA(pollster, "2024-01-26");
            try (SseStream resumed = SseStream.open(secondPort, filter, Map.of("Last-Event-ID", seenOnA))) {
                List<Event> replayed = resumed.drain(Duration.ofMillis(700));
                assertEquals(1, replayed.size(), replayed.toString());
                assertEquals(missed, new JsonPath(replayed.get(0).data()).getLong("pollId"));
                assertTrue(Long.parseLong(replayed.get(0).id()) > Long.parseLong(seenOnA));
            }
        }
    }

    private static long submitThroughA(String pollster, String fieldEnd) {
        return given().contentType(ContentType.JSON)
                .body(TestPolls.poll(pollster, "800", fieldEnd, 50, 40))
                .post("/polls")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }
}
