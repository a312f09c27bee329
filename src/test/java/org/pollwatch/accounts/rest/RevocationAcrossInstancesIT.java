package org.pollwatch.accounts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
import org.pollwatch.testsupport.TestDatabaseConfig;
import org.pollwatch.testsupport.TestKeys;
import org.pollwatch.testsupport.TestPolls;

/**
 * Revocation counts at once on every instance: the packaged application of this test (A) and a
 * second one (B), started here from the same jar on the same database. A key issued on A writes
 * through B; once revoked on A, it gets 401 with the Bearer challenge on B and on A, and the refused
 * write stores nothing. B's use of the key shows as its last use on A.
 */
@QuarkusIntegrationTest
class RevocationAcrossInstancesIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path SECOND_LOG = Path.of("target", "revocation-second-instance.log");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private static Process second;

    /** The settings the first instance was started with (datasource, key secret, bootstrap key). */
    @TestDatabaseConfig
    Map<String, String> database;

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedAtOnceOnTheOther() throws Exception {
        int secondPort = startSecondInstance();
        String pollster = TestPolls.newPollster();
        TestKeys.Issued key = TestKeys.pollsterKey(pollster);

        // the key writes through B, twice: B has verified it before the revocation
        for (int i = 0; i < 2; i++) {
            on(secondPort, key.key())
                    .contentType(ContentType.JSON)
                    .body(TestPolls.poll(pollster, "800", "2024-01-2" + (5 + i), 50, 40))
                    .post("/polls")
                    .then()
                    .statusCode(201)
                    .body("pollster.slug", equalTo(pollster));
        }
        assertEquals(2, pollsOf(pollster), "B's writes are in the shared database");
        // B's use is recorded in the database, so A shows it
        given().get("/admin/keys/" + key.id()).then().statusCode(200).body("lastUsedAt", notNullValue());
        long auditBefore = auditRowsOf(key.id());

        given().queryParam("reason", "leaked")
                .delete("/admin/keys/" + key.id())
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());

        for (int port : List.of(secondPort, 0)) {
            on(port, key.key())
                    .contentType(ContentType.JSON)
                    .body(TestPolls.poll(pollster, "900", "2024-01-28", 1, 2))
                    .post("/polls")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("detail", containsString("revoked"));
        }
        assertEquals(2, pollsOf(pollster), "the refused writes stored no poll");
        assertEquals(auditBefore, auditRowsOf(key.id()), "the refused writes left no audit row");
        // B reads the revocation from the database too: its answer about the key says so
        given().baseUri("http://127.0.0.1")
                .port(secondPort)
                .get("/admin/keys/" + key.id())
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
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

    /** A request to instance B (its port), or to the instance of this test (port 0), with a key. */
    private static RequestSpecification on(int port, String key) {
        RequestSpecification request = given().auth().oauth2(key);
        return port == 0 ? request : request.baseUri("http://127.0.0.1").port(port);
    }

    private static long pollsOf(String pollster) {
        Response page = given().auth().none().queryParam("pollster", pollster).get("/polls");
        page.then().statusCode(200);
        return page.jsonPath().getLong("total");
    }

    private static long auditRowsOf(long keyId) {
        Response page = given().queryParam("key", keyId).get("/admin/audit");
        page.then().statusCode(200);
        return page.jsonPath().getLong("total");
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
