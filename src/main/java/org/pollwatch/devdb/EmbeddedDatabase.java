package org.pollwatch.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real PostgreSQL server run from the zonky binaries, its data kept in a folder across restarts. */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final String url;

    private EmbeddedDatabase(EmbeddedPostgres server, String database) {
        this.server = server;
        this.url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    /** Starts the server on a free port (initialising the folder if it is new) and creates the database if absent. */
    public static EmbeddedDatabase start(Path dataDirectory, String database) {
        Path data = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(data.getParent());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .start();
            LocalDatabase.createDatabaseIfAbsent(
                    "jdbc:postgresql://localhost:" + server.getPort() + "/postgres", database, "postgres", "");
            return new EmbeddedDatabase(server, database);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + data, e);
        }
    }

    public String url() {
        return url;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
