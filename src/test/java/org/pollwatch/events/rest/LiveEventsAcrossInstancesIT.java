package org.pollwatch.events.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path SECOND_LOG = Path.of("target", "events-second-instance.log");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration WITHIN = Duration.ofSeconds(2);

    private static Process second;

    @TestDatabaseConfig
    Map<String, String> database;

    @Test
    void anEventWrittenThroughOneInstanceReachesTheOthersSubscribers() throws Exception {
        int secondPort = startSecondInstance();
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

    @AfterAll
    static void stopSecondInstance() throws InterruptedException {
        if (second != null && second.isAlive()) {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        second = null;
    }

    /** Starts B from the packaged jar with A's settings, and waits until it is ready; returns its port. */
    private int startSecondInstance() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
        assertTrue(database != null && database.containsKey("quarkus.datasource.jdbc.url"), "database settings");
        int port = freePort();
        Map<String, String> settings = new TreeMap<>(database);
        // A cleaned and migrated the schema at its start; B must keep the data
        settings.put("quarkus.flyway.clean-at-start", "false");
        settings.put("quarkus.profile", "test");
        settings.put("quarkus.http.host", "127.0.0.1");
        settings.put("quarkus.http.port", Integer.toString(port));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Files.createDirectories(SECOND_LOG.getParent());
        second = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(SECOND_LOG.toFile())
                .start();
        awaitReady(port);
        return port;
    }

    private static void awaitReady(int port) throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!second.isAlive()) {
                throw new AssertionError("the second instance exited with " + second.exitValue() + "; see "
                        + SECOND_LOG.toAbsolutePath() + ":\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException e) {
                // not listening yet, or busy starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the second instance was not ready after " + READY_TIMEOUT.toSeconds() + " s; see "
                + SECOND_LOG.toAbsolutePath() + ":\n" + tail());
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(SECOND_LOG);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
