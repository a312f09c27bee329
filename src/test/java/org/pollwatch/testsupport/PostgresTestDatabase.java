package org.pollwatch.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the tests at a real PostgreSQL: POLLWATCH_TEST_DB_URL, or a database "pollwatch_test" on the
 * local server, created if absent (no Docker, so no Dev Services). Flyway then builds a clean schema.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/pollwatch_test";

    @Override
    public Map<String, String> start() {
        String url = env("POLLWATCH_TEST_DB_URL", DEFAULT_URL);
        String user = env("POLLWATCH_DB_USER", "postgres");
        String password = env("POLLWATCH_DB_PASSWORD", "postgres");
        createDatabaseIfAbsent(url, user, password);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                // every test run starts from an empty schema, built by the migrations
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false");
    }

    @Override
    public void stop() {
    }

    static void createDatabaseIfAbsent(String url, String user, String password) {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String database = url.substring(slash + 1, query < 0 ? url.length() : query);
        String serverUrl = url.substring(0, slash) + "/postgres";
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + serverUrl
                    + " (set POLLWATCH_TEST_DB_URL, POLLWATCH_DB_USER, POLLWATCH_DB_PASSWORD): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
