package org.pollwatch.imports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tunables of the streaming import ({@code pollwatch.import.*} in application.properties). */
@ConfigMapping(prefix = "pollwatch.import")
public interface ImportConfig {

    /** The default of {@link #chunkSize()}, also quoted in the API document. */
    String DEFAULT_CHUNK_SIZE = "10000";

    /** Rows stored per transaction: memory grows with it, a failure loses at most one chunk. */
    @WithDefault(DEFAULT_CHUNK_SIZE)
    int chunkSize();

    /** Chunks stored at once, each on its own connection, while the next rows are read. */
    @WithDefault("2")
    int writers();

    /**
     * How long an import waits, before it answers, for its series' default trend and chart to be
     * computed (when precomputing is on); 0 answers at once.
     */
    @WithDefault("2s")
    Duration trendWait();
}
