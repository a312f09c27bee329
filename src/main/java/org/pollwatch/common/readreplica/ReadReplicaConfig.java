package org.pollwatch.common.readreplica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where public reads go, and how stale they may be. */
@ConfigMapping(prefix = "pollwatch.read-replica")
public interface ReadReplicaConfig {

    /**
     * JDBC URL of a PostgreSQL streaming standby. When set, GET and HEAD requests read from it
     * (datasource "read"); when absent every request uses the primary.
     */
    Optional<String> url();

    /** A standby further behind the primary than this serves no reads: they go to the primary. */
    @WithDefault("10s")
    Duration maxLag();

    /**
     * How long a GET that sends {@code Pollwatch-Min-LSN} waits for the standby to replay that far
     * before it is served by the primary instead.
     */
    @WithDefault("250ms")
    Duration maxWait();

    /** How often the replica's replay position and lag are checked (also by {@code ReplicaMonitor#probe}). */
    @WithDefault("1s")
    Duration probeInterval();
}
