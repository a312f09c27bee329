package org.pollwatch.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable digest of the values a representation is built from, for ETags. The same values in
 * the same order always give the same fingerprint; any change in one of them gives another.
 */
public final class Fingerprint {

    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    public static Fingerprint start() {
        return new Fingerprint();
    }

    public Fingerprint add(Object value) {
        // a separator that cannot occur in the values' text keeps ("ab", "c") apart from ("a", "bc")
        digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return this;
    }

    public Fingerprint add(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
        return this;
    }

    /** 16 hex digits (64 bits) of the SHA-256 digest. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }
}
