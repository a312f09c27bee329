package org.pollwatch.accounts.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The first administrator key. */
@ConfigMapping(prefix = "pollwatch.admin")
public interface AdminConfig {

    /** Accepted as an administrator key when set (POLLWATCH_ADMIN_BOOTSTRAP_KEY); at least 32 characters. */
    Optional<String> bootstrapKey();
}
