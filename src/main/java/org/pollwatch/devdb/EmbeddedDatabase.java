package org.pollwatch.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/** A real PostgreSQL server run from the zonky binaries, its data kept in a folder across restarts. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

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
            stopOrphan(data);
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

    /**
     * A server left running on this folder by a process that was killed (a hard stop of dev mode)
     * keeps the folder locked: stop it, found by the pid its postmaster.pid names, if that process is
     * still a PostgreSQL server. SIGTERM is PostgreSQL's smart shutdown; its clients are gone already.
     */
    static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try (var lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (NumberFormatException e) {
            return; // half-written by a server that is starting or died: PostgreSQL itself sorts that out
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping an embedded PostgreSQL (pid %d) left running on %s by an earlier run", pid, data);
        ProcessHandle server = orphan.get();
        server.destroy();
        try {
            server.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            server.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IOException("Could not stop the embedded PostgreSQL with pid " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the embedded PostgreSQL with pid " + pid, e);
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
