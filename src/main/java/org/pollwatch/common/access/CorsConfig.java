package org.pollwatch.common.access;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Which other sites' pages may write ({@link CrossOriginWrites}). */
@ConfigMapping(prefix = "pollwatch.cors")
public interface CorsConfig {

    /**
     * Origins (scheme://host[:port]) whose pages may send writes (POST, PUT, PATCH, DELETE) from a
     * browser. Empty: only the service's own origin; reads stay open to every origin.
     */
    Optional<List<String>> writeOrigins();
}
