package org.pollwatch.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started while its database cannot be reached keeps running and turns
 * ready once the database appears, without a restart. The database "appears" when a loopback
 * forwarder to the test database starts listening on the port the application was given. Its startup
 * probe then reports the chart warm-up done.
 */
class StartupWithoutDatabaseIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @Test
    void withoutADatabaseUrlItExitsWithOneLineSayingWhatToSet() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("QUARKUS_DATASOURCE") || name.startsWith("POLLWATCH_LOCAL"));
        Process app = builder.start();
        assertTrue(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "still running without a database URL");
        String output =
                new String(app.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        org.junit.jupiter.api.Assertions.assertEquals(2, app.exitValue(), output);
        org.junit.jupiter.api.Assertions.assertEquals(1, output.lines().count(), output);
        assertTrue(output.contains("QUARKUS_DATASOURCE_JDBC_URL") && output.contains("README"), output);
    }

    @Test
    void waitsForTheDatabaseAndTurnsReady() throws Exception {
        URI target = URI.create(System.getenv()
                .getOrDefault("POLLWATCH_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/pollwatch_test")
                .substring("jdbc:".length()));
        int dbPort = Integer.getInteger("startup-test.db-port", freePort());
        int httpPort = Integer.getInteger("startup-test.http-port", freePort());
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "startup-without-database.log").toFile());
        builder.environment()
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + dbPort + target.getPath());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        builder.environment().put("POLLWATCH_ADMIN_BOOTSTRAP_KEY", "startup-test-bootstrap-admin-key-0123456789");
        builder.environment().put("POLLWATCH_KEYS_SECRET", "startup-test-keys-secret-0123456789abcdef");
        Process app = builder.start();
        try {
            Thread.sleep(8_000);
            assertTrue(app.isAlive(), "the application exited while the database was down");
            try (ServerSocket forwarder = new ServerSocket(dbPort, 50, InetAddress.getLoopbackAddress())) {
                daemon(() -> forward(forwarder, target.getHost(), target.getPort()));
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest ready = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                int status = 0;
                while (status != 200 && System.nanoTime() < deadline && app.isAlive()) {
                    try {
                        status = client.send(ready, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException notListeningYet) {
                        status = 0;
                    }
                    Thread.sleep(250);
                }
                assertEquals(
                        200, status, "ready once the database is reachable (see target/startup-without-database.log)");
                // the startup probe waits for the chart warm-up, which ran in the background meanwhile
                HttpRequest started = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/q/health/started"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
                String startedBody = "";
                while (!startedBody.contains("\"done\"") && System.nanoTime() < deadline) {
                    startedBody = client.send(started, HttpResponse.BodyHandlers.ofString())
                            .body();
                    Thread.sleep(250);
                }
                assertTrue(
                        startedBody.contains("Chart warm-up") && startedBody.contains("\"status\": \"UP\""),
                        startedBody);
                assertTrue(startedBody.contains("\"state\": \"done\""), startedBody);
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static void forward(ServerSocket server, String host, int port) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(host, port);
                daemon(() -> pipe(client, database));
                daemon(() -> pipe(database, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
