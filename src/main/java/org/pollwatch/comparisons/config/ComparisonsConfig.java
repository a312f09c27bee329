package org.pollwatch.comparisons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the comparisons ({@code pollwatch.comparisons.*}). */
@ConfigMapping(prefix = "pollwatch.comparisons")
public interface ComparisonsConfig {

    /** Lead and subgroup comparisons kept by (poll, version, question, parameters); a few KB each. */
    @WithDefault("10000")
    long cacheSize();
}
