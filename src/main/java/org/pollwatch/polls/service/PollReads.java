package org.pollwatch.polls.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.pollwatch.common.ReadCache;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.config.PollsConfig;

/**
 * Reads of a single poll as JSON, kept by (id, version) in the read cache. Every change of a poll
 * (revision, retraction) raises its version and pollsters are not edited, so an entry never goes
 * stale: a read asks the database only for the current version (one primary-key lookup) and builds
 * the document (four queries and serialisation) only for a version not seen yet. Safe with several
 * instances too, since the version always comes from the database.
 */
@ApplicationScoped
public class PollReads {

    /** The poll as the API serves it, serialised, and the version it shows. */
    public record PollJson(long id, int version, byte[] json) implements ReadCache.Weighed {
        @Override
        public long bytes() {
            return json.length;
        }
    }

    record Key(long id, int version) {}

    private final PollService polls;
    private final PollQueries queries;
    private final ObjectMapper json;
    private final ReadCache.Region cache;

    public PollReads(PollService polls, PollQueries queries, ObjectMapper json, ReadCache reads, PollsConfig config) {
        this.polls = polls;
        this.queries = queries;
        this.json = json;
        this.cache = reads.byVersion("poll-json", config.cacheSize());
    }

    /** The current version of the poll; 404 problem when there is no such poll. */
    public int version(long id) {
        return queries.version(id);
    }

    /**
     * The poll at {@code version} or, if it changed meanwhile, at its newer version (the one it shows
     * is in {@link PollJson#version()}).
     */
    public PollJson read(long id, int version) {
        return cache.get(new Key(id, version), () -> {
            PollView view = polls.get(id);
            try {
                return new PollJson(id, view.version(), json.writeValueAsBytes(view));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialise poll " + id, e);
            }
        });
    }
}
