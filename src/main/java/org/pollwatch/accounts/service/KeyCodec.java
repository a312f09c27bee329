package org.pollwatch.accounts.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API keys look like {@code pw_<prefix>_<secret>}: 12 hex characters of prefix (not secret: it finds
 * the key's row) and 256 random bits from {@link SecureRandom}, base64url. Only HMAC-SHA256 of the
 * whole key under the server secret is stored: a database leak does not reveal keys, and checking a
 * key costs microseconds, not a slow password hash on every write.
 */
public final class KeyCodec {

    static final String PREFIX = "pw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One keyed Mac per thread: looking one up and keying it cost more than the hash itself. */
    private final ThreadLocal<Mac> macs;

    public KeyCodec(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** A new key and its prefix. */
    public record NewKey(String prefix, String key) {}

    public static NewKey generate() {
        byte[] prefixBytes = new byte[6];
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(prefixBytes);
        RANDOM.nextBytes(secretBytes);
        String prefix = PREFIX + HexFormat.of().formatHex(prefixBytes);
        return new NewKey(
                prefix, prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes));
    }

    /** The prefix of a key in our format, or null. */
    public static String prefixOf(String key) {
        if (key == null || key.length() != 59 || !key.startsWith(PREFIX) || key.charAt(15) != '_') {
            return null;
        }
        return key.substring(0, 15);
    }

    public String hash(String key) {
        // doFinal resets the Mac for the thread's next key
        return HexFormat.of().formatHex(macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of a key with a stored hash. */
    public boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(
                hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Constant-time comparison of two secrets (the bootstrap key). */
    public static boolean sameSecret(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
