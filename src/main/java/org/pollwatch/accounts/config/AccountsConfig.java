package org.pollwatch.accounts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** API keys: the server secret they are stored under, and how often their last use is written. */
@ConfigMapping(prefix = "pollwatch.keys")
public interface AccountsConfig {

    /**
     * The HMAC-SHA256 secret keys are stored under (environment POLLWATCH_KEYS_SECRET, at least 32
     * characters). Required in production; dev and test profiles set their own. Changing it makes every
     * issued key invalid.
     */
    Optional<String> secret();

    /** A key's last-used time is written at most this often (not on every request). */
    @WithDefault("60s")
    Duration lastUsedInterval();
}
