package org.pollwatch.accounts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pollwatch.accounts.config.AccountsConfig;
import org.pollwatch.accounts.service.KeyCodec;

/** The start-up checks of the secrets, and the key format. */
class KeyVerifierTest {

    @Test
    void aBootstrapKeyShorterThan32CharactersIsRefusedAtStart() {
        KeyVerifier verifier = new KeyVerifier(null, config("s".repeat(40)), () -> Optional.of("a".repeat(31)));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> verifier.start(null));
        assertTrue(refused.getMessage().contains("at least 32"));
    }

    @Test
    void a32CharacterBootstrapKeyIsAnAdministrator() {
        KeyVerifier verifier = new KeyVerifier(null, config("s".repeat(40)), () -> Optional.of("b".repeat(32)));
        verifier.start(null);
        assertTrue(verifier.verify("b".repeat(32)).admin());
        assertNull(verifier.verify("b".repeat(32)).keyId());
    }

    @Test
    void aShortKeySecretIsRefusedAtStart() {
        KeyVerifier verifier = new KeyVerifier(null, config("short"), Optional::empty);
        assertThrows(IllegalStateException.class, () -> verifier.start(null));
    }

    @Test
    void keysAreRandomWithTheirPrefixAndHashedUnderTheSecret() {
        KeyCodec.NewKey one = KeyCodec.generate();
        KeyCodec.NewKey two = KeyCodec.generate();
        assertNotEquals(one.key(), two.key());
        assertEquals(one.prefix(), KeyCodec.prefixOf(one.key()));
        assertNull(KeyCodec.prefixOf("pw_short"));
        KeyCodec codec = new KeyCodec("s".repeat(40));
        assertEquals(64, codec.hash(one.key()).length());
        assertTrue(codec.matches(one.key(), codec.hash(one.key())));
        assertTrue(!codec.matches(two.key(), codec.hash(one.key())));
        assertNotEquals(codec.hash(one.key()), new KeyCodec("t".repeat(40)).hash(one.key()));
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), RFC 4231-style known answer
        assertEquals(
                "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                new KeyCodec("key").hash("The quick brown fox jumps over the lazy dog"));
    }

    private static AccountsConfig config(String secret) {
        return new AccountsConfig() {
            @Override
            public Optional<String> secret() {
                return Optional.of(secret);
            }

            @Override
            public Duration lastUsedInterval() {
                return Duration.ofSeconds(60);
            }
        };
    }
}
