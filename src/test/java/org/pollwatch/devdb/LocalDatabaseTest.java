package org.pollwatch.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup path: with no server answering, a real embedded PostgreSQL starts and keeps its data. */
class LocalDatabaseTest {

    /** A port nothing listens on, standing for "no local PostgreSQL". */
    private static final int NO_SERVER_PORT = 1;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        LocalDatabase.stopEmbedded();
        System.clearProperty(LocalDatabase.RESOLVED_URL_PROPERTY);
    }

    @Test
    void startsEmbeddedPostgresWhenNoServerAnswersAndKeepsDataAcrossRestarts() throws Exception {
        LocalDatabase.Settings settings = new LocalDatabase.Settings("127.0.0.1", NO_SERVER_PORT, "pollwatch",
                "postgres", "postgres", folder.resolve("pgdata"));

        String url = LocalDatabase.resolve(settings);
        assertTrue(url.startsWith("jdbc:postgresql://localhost:"), url);
        assertTrue(url.endsWith("/pollwatch"), url);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('still here')");
        }
        LocalDatabase.stopEmbedded();

        String again = LocalDatabase.resolve(settings);
        try (Connection connection = DriverManager.getConnection(again, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select value from kept")) {
            assertTrue(rows.next());
            assertEquals("still here", rows.getString(1));
        }
    }

    @Test
    void reusesTheSameDatabaseWithinOneProcess() {
        LocalDatabase.Settings settings = new LocalDatabase.Settings("127.0.0.1", NO_SERVER_PORT, "pollwatch",
                "postgres", "postgres", folder.resolve("pgdata"));
        assertEquals(LocalDatabase.resolve(settings), LocalDatabase.resolve(settings));
    }

    @Test
    void prefersARunningServer() {
        String host = "127.0.0.1";
        int port = 5432;
        String user = env("POLLWATCH_DB_USER", "postgres");
        String password = env("POLLWATCH_DB_PASSWORD", "postgres");
        LocalDatabase.Settings settings = new LocalDatabase.Settings(host, port, "pollwatch_local_check", user, password,
                folder.resolve("unused"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/pollwatch_local_check", LocalDatabase.resolve(settings));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
