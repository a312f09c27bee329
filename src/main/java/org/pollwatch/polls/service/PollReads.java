package org.pollwatch.polls.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import org.pollwatch.common.readreplica.ReadDataSource;
import org.pollwatch.polls.PollView;
import org.pollwatch.problems.ProblemException;

/**
 * Reads of a single poll as JSON, kept by (id, version). Every change of a poll (revision,
 * retraction) raises its version and pollsters are not edited, so an entry never goes stale: a read
 * asks the database only for the current version (one primary-key lookup) and builds the document
 * (four queries and serialisation) only for a version not seen yet. Entries of old versions are
 * evicted by size ("poll-json" in application.properties). Safe with several instances too, since
 * the version always comes from the database (the one this request reads: replica or primary).
 */
@ApplicationScoped
public class PollReads {

    /** The poll as the API serves it, serialised, and the version it shows. */
    public record PollJson(long id, int version, byte[] json) {}

    record Key(long id, int version) {}

    private final PollService polls;
    private final ObjectMapper json;
    private final CaffeineCache cache;
    private final ReadDataSource database;

    public PollReads(
            PollService polls, ObjectMapper json, @CacheName("poll-json") Cache cache, ReadDataSource database) {
        this.polls = polls;
        this.json = json;
        this.cache = cache.as(CaffeineCache.class);
        this.database = database;
    }

    /**
     * The current version of the poll; 404 problem when there is no such poll. One statement in
     * auto-commit on a pooled connection: no transaction and no persistence context to set up for it.
     */
    public int version(long id) {
        try (Connection connection = database.current().getConnection();
                PreparedStatement select = connection.prepareStatement("select version from poll where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("No poll with id " + id);
                }
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the version of poll " + id, e);
        }
    }

    /** The poll at {@code version} or, if it changed meanwhile, at its newer version. */
    public PollJson read(long id, int version) {
        CompletableFuture<byte[]> cached = cache.getIfPresent(new Key(id, version));
        if (cached != null) {
            byte[] body = cached.getNow(null);
            if (body != null) {
                return new PollJson(id, version, body);
            }
        }
        PollView view = polls.get(id);
        byte[] body;
        try {
            body = json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise poll " + id, e);
        }
        // keyed by the version actually read, which may be newer than the one asked for
        cache.put(new Key(id, view.version()), CompletableFuture.completedFuture(body));
        return new PollJson(id, view.version(), body);
    }
}
