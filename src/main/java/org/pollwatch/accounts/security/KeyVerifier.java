package org.pollwatch.accounts.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.pollwatch.accounts.config.AccountsConfig;
import org.pollwatch.accounts.config.AdminConfig;
import org.pollwatch.accounts.service.AccountQueries;
import org.pollwatch.accounts.service.KeyCodec;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.Roles;

/**
 * Checks a presented key: the bootstrap administrator key (configuration, or in dev mode a random one
 * printed at start), or an issued key, read from the database on every request so that revocation
 * and expiry count at once on every instance. Refuses to start with a bootstrap key shorter than
 * {@value #MIN_SECRET_LENGTH} characters, or without {@code pollwatch.keys.secret} in production.
 */
@ApplicationScoped
public class KeyVerifier {

    static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(KeyVerifier.class);

    private final AccountQueries queries;
    private final AccountsConfig config;
    private final AdminConfig admin;
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();
    private volatile KeyCodec codec;
    private volatile String bootstrapKey;

    public KeyVerifier(AccountQueries queries, AccountsConfig config, AdminConfig admin) {
        this.queries = queries;
        this.config = config;
        this.admin = admin;
    }

    void start(@Observes StartupEvent start) {
        String configured = admin.bootstrapKey().filter(k -> !k.isBlank()).orElse(null);
        if (configured != null && configured.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "pollwatch.admin.bootstrap-key (POLLWATCH_ADMIN_BOOTSTRAP_KEY) must be at least "
                            + MIN_SECRET_LENGTH + " characters long");
        }
        if (configured == null && LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            configured = KeyCodec.generate().key().replace("pw_", "pw_dev_admin_");
            LOG.infof(
                    "Dev-mode administrator key (printed once; set POLLWATCH_ADMIN_BOOTSTRAP_KEY to choose one): %s",
                    configured);
        }
        bootstrapKey = configured;
        codec = new KeyCodec(secret());
    }

    private String secret() {
        String secret = config.secret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            if (LaunchMode.current().isDevOrTest()) {
                return "pollwatch-dev-and-test-key-secret-not-for-production";
            }
            throw new IllegalStateException("Set pollwatch.keys.secret (POLLWATCH_KEYS_SECRET), at least "
                    + MIN_SECRET_LENGTH + " random characters: API keys are stored as HMAC-SHA256 under it");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("pollwatch.keys.secret (POLLWATCH_KEYS_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters long");
        }
        return secret;
    }

    /** The codec keys are hashed with. */
    public KeyCodec codec() {
        return codec;
    }

    /** The actor a presented key stands for; blocking (reads the database). */
    public Actor verify(String key) {
        String bootstrap = bootstrapKey;
        if (bootstrap != null && KeyCodec.sameSecret(key, bootstrap)) {
            return Actor.bootstrap();
        }
        String prefix = KeyCodec.prefixOf(key);
        if (prefix == null) {
            throw new AuthenticationFailedException("The API key is not valid");
        }
        AccountQueries.StoredKey stored;
        try {
            stored = queries.byPrefix(prefix);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read API keys", e);
        }
        if (stored == null || !codec.matches(key, stored.secretHash())) {
            throw new AuthenticationFailedException("The API key is not valid");
        }
        if (stored.revokedAt() != null) {
            throw new AuthenticationFailedException("The API key was revoked");
        }
        if (stored.expiresAt() != null && !stored.expiresAt().isAfter(stored.now())) {
            throw new AuthenticationFailedException("The API key has expired");
        }
        touch(stored);
        boolean isAdmin = Roles.ADMIN.equals(stored.role());
        return new Actor(
                stored.id(),
                "key " + stored.id() + " (" + stored.prefix() + ")",
                isAdmin,
                stored.pollsterId(),
                isAdmin ? Actor.ALL_SCOPES : stored.scopes());
    }

    private void touch(AccountQueries.StoredKey stored) {
        Duration interval = config.lastUsedInterval();
        if (stored.lastUsedAt() != null && stored.lastUsedAt().plus(interval).isAfter(stored.now())) {
            return;
        }
        long now = System.nanoTime();
        Long previous = lastTouched.get(stored.id());
        if (previous != null && now - previous < interval.toNanos()) {
            return;
        }
        lastTouched.put(stored.id(), now);
        try {
            queries.touch(stored.id(), interval.toSeconds());
        } catch (SQLException e) {
            LOG.warnf("Cannot record the last use of API key %d: %s", stored.id(), e.getMessage());
        }
    }
}
