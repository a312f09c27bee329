package org.pollwatch.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup path: a real embedded PostgreSQL that keeps its data, and the choice of server. */
class LocalDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void embeddedPostgresKeepsItsDataAcrossRestarts() throws Exception {
        Path data = folder.resolve("pgdata");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "pollwatch")) {
            assertTrue(database.url().endsWith("/pollwatch"), database.url());
            try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('still here')");
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "pollwatch");
                Connection connection = DriverManager.getConnection(database.url(), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertTrue(rows.next());
            assertEquals("still here", rows.getString(1));
        }
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedAndTheFolderReused() throws Exception {
        Path data = folder.resolve("pgdata");
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedDatabaseHolder.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        long orphanPid;
        try (var output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("READY")) {
                // start-up log of the holder
            }
            assertTrue(line != null, "the holder process started its server");
            holder.destroyForcibly().waitFor(); // kill -9: its shutdown hook never stops the server
            orphanPid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            assertTrue(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "server orphaned");
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "pollwatch");
                Connection connection = DriverManager.getConnection(database.url(), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            assertTrue(rows.next());
            assertFalse(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false), "orphan stopped");
        }
    }

    @Test
    void nothingAnswersOnAClosedPort() {
        assertFalse(LocalDatabase.answers("127.0.0.1", 1));
    }

    @Test
    void prefersARunningServerThatAcceptsTheUser() throws Exception {
        // Where no local server runs (a machine with only a JDK), the embedded path above is what counts.
        String user = env("POLLWATCH_DB_USER", "postgres");
        String password = env("POLLWATCH_DB_PASSWORD", "postgres");
        assumeTrue(
                LocalDatabase.answers("127.0.0.1", 5432)
                        && LocalDatabase.createDatabaseIfAbsent(
                                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", user, password),
                "no local PostgreSQL accepting " + user);
        LocalDatabase.Settings settings = new LocalDatabase.Settings(
                "127.0.0.1", 5432, "pollwatch_local_check", user, password, folder.resolve("unused"));
        try {
            assertEquals(
                    "jdbc:postgresql://127.0.0.1:5432/pollwatch_local_check",
                    LocalDatabase.choose(settings).url());
            assertFalse(folder.resolve("unused").toFile().exists(), "no embedded server was started");
        } finally {
            try (Connection connection =
                            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", user, password);
                    Statement drop = connection.createStatement()) {
                drop.execute("drop database if exists pollwatch_local_check");
            }
        }
    }

    @Test
    void fallsBackToEmbeddedWhenTheServerRefusesTheUser() {
        assumeTrue(LocalDatabase.answers("127.0.0.1", 5432), "no local PostgreSQL");
        LocalDatabase.Settings settings = new LocalDatabase.Settings(
                "127.0.0.1", 5432, "pollwatch", "no_such_role_here", "wrong", folder.resolve("pgdata"));
        LocalDatabase.Target target = LocalDatabase.choose(settings);
        assertTrue(target.url().startsWith("jdbc:postgresql://localhost:"), target.url());
        assertEquals("postgres", target.user(), "the embedded server's superuser");
        assertTrue(folder.resolve("pgdata").resolve("PG_VERSION").toFile().exists(), "data folder initialised");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
