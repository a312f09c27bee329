package org.pollwatch.common.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests per caller and minute ({@link RateLimits}). */
@ConfigMapping(prefix = "pollwatch.rate-limits")
public interface RateLimitConfig {

    /** Off only for load tests of the raw write path. */
    @WithDefault("true")
    boolean enabled();

    /** Writes per API key and minute (imports included). */
    @WithDefault("600")
    int writesPerKey();

    /** Writes per client address and minute, whatever key they carry (none, a bad one, several). */
    @WithDefault("1200")
    int writesPerAddress();

    /** Imports per API key and minute. */
    @WithDefault("20")
    int importsPerKey();

    /**
     * Expensive reads per client address and minute: trends, trend CSV and charts, and house effects
     * asked with parameters (the parameterless defaults are cached and not counted).
     */
    @WithDefault("300")
    int expensiveReadsPerAddress();

    /** Buckets kept at most (least recently used go first). */
    @WithDefault("100000")
    int maxCallers();
}
