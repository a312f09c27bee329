package org.pollwatch.common.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Who may write from a browser, and how many requests a caller may make. */
@ConfigMapping(prefix = "pollwatch")
public interface AccessConfig {

    /** Cross-origin writes. */
    Cors cors();

    /** Requests per caller and minute ({@link RateLimits}). */
    RateLimit rateLimits();

    interface Cors {
        /**
         * Origins (scheme://host[:port]) whose pages may send writes (POST, PUT, PATCH, DELETE) from a
         * browser. Empty: only the service's own origin; reads stay open to every origin.
         */
        Optional<List<String>> writeOrigins();
    }

    interface RateLimit {
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
}
