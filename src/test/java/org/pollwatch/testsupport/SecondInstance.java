package org.pollwatch.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of the packaged application (B) on the database of the integration test's own
 * instance (A), started from the same jar with A's settings, for checks across instances.
 */
public final class SecondInstance implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;
    private final int port;

    private SecondInstance(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts B with A's settings ({@link TestDatabaseConfig}), logging to {@code log}; waits until it is ready. */
    public static SecondInstance start(Map<String, String> database, Path log)
            throws IOException, InterruptedException {
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
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SecondInstance instance = new SecondInstance(process, log, port);
        instance.awaitReady();
        return instance;
    }

    public int port() {
        return port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the second instance exited with " + process.exitValue() + "; see "
                        + log.toAbsolutePath() + ":\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException e) {
                // not listening yet, or busy starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the second instance was not ready after " + READY_TIMEOUT.toSeconds() + " s; see "
                + log.toAbsolutePath() + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops B: SIGTERM (graceful shutdown), then SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
