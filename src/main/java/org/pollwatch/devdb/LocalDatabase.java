package org.pollwatch.devdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Finds a PostgreSQL for local runs when no datasource URL is configured: the server at
 * 127.0.0.1:5432 if it answers and accepts the configured user, else an embedded PostgreSQL whose
 * data is kept in a local folder, so polls survive restarts. Never used when a URL is configured.
 */
public final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);

    /** Survives dev-mode restarts, which reload classes but keep the JVM and the embedded server. */
    private static final String RESOLVED_URL_PROPERTY = "pollwatch.local-database.resolved-url";

    private LocalDatabase() {}

    public record Settings(String host, int port, String database, String user, String password, Path dataDirectory) {}

    /** Where to connect, and as whom: the embedded server knows only its superuser "postgres". */
    public record Target(String url, String user, String password) {}

    /** The database to use, chosen once per process; starts the embedded server if it is needed. */
    public static synchronized Target resolve(Settings settings) {
        String resolved = System.getProperty(RESOLVED_URL_PROPERTY);
        if (resolved == null) {
            Target target = choose(settings);
            System.setProperty(RESOLVED_URL_PROPERTY, target.url() + "\n" + target.user() + "\n" + target.password());
            return target;
        }
        String[] parts = resolved.split("\n", -1);
        return new Target(parts[0], parts[1], parts[2]);
    }

    static Target choose(Settings settings) {
        String serverUrl = "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/postgres";
        if (answers(settings.host(), settings.port())
                && createDatabaseIfAbsent(serverUrl, settings.database(), settings.user(), settings.password())) {
            LOG.infof(
                    "Using the PostgreSQL server at %s:%d, database %s",
                    settings.host(), settings.port(), settings.database());
            return new Target(
                    "jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + settings.database(),
                    settings.user(),
                    settings.password());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDirectory(), settings.database());
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "embedded-postgres-stop"));
        LOG.infof(
                "No usable PostgreSQL at %s:%d: started an embedded PostgreSQL on port %d, data kept in %s "
                        + "(delete that folder to start afresh)",
                settings.host(),
                settings.port(),
                embedded.port(),
                settings.dataDirectory().toAbsolutePath());
        return new Target(embedded.url(), "postgres", "");
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
    public static boolean createDatabaseIfAbsent(String serverUrl, String database, String user, String password) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("select 1 from pg_database where datname = ?")) {
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
}
