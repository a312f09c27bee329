package org.pollwatch.polls.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the polls feature ({@code pollwatch.polls.*}). */
@ConfigMapping(prefix = "pollwatch.polls")
public interface PollsConfig {

    /** Serialised polls kept by (id, version) for GET /polls/{id}; about 1-3 KB each. */
    @WithDefault("10000")
    long cacheSize();
}
