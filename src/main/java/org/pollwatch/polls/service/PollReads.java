package org.pollwatch.polls.service;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

import org.pollwatch.polls.PollView;

/**
 * Reads of a single poll as JSON, kept by (id, version). Every change of a poll (revision,
 * retraction) raises its version and pollsters are not edited, so an entry never goes stale: a read
 * asks the database only for the current version (one primary-key lookup) and builds the document
 * (four queries and serialisation) only for a version not seen yet. Entries of old versions are
 * evicted by size ("poll-json" in application.properties). Safe with several instances too, since
 * the version always comes from the database.
 */
@ApplicationScoped
public class PollReads {

    /** The poll as the API serves it, serialised, and the version it shows. */
    public record PollJson(long id, int version, byte[] json) {
    }

    record Key(long id, int version) {
    }

    private final PollService polls;
    private final ObjectMapper json;
    private final CaffeineCache cache;

    public PollReads(PollService polls, ObjectMapper json, @CacheName("poll-json") Cache cache) {
        this.polls = polls;
        this.json = json;
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The current version of the poll; 404 problem when there is no such poll. */
    public int version(long id) {
        return polls.version(id);
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
