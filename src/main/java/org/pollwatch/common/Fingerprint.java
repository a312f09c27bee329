package org.pollwatch.common;

import java.nio.charset.StandardCharsets;

/**
 * A short, stable 64-bit digest (FNV-1a) of the values a representation is built from, for ETags.
 * The same values in the same order always give the same fingerprint; a change in any of them gives
 * another one but for a 1 in 2^64 chance. Not for security: it is cheap, which is the point.
 */
public final class Fingerprint {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET_BASIS;

    private Fingerprint() {}

    public static Fingerprint start() {
        return new Fingerprint();
    }

    public Fingerprint add(Object value) {
        for (byte b : String.valueOf(value).getBytes(StandardCharsets.UTF_8)) {
            mix(b);
        }
        // a separator byte that UTF-8 text never contains keeps ("ab", "c") apart from ("a", "bc")
        mix((byte) 0xff);
        return this;
    }

    public Fingerprint add(byte[] bytes) {
        for (byte b : bytes) {
            mix(b);
        }
        mix((byte) 0xff);
        return this;
    }

    public Fingerprint add(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            mix((byte) (value >>> shift));
        }
        return this;
    }

    /** 16 hex digits. */
    public String hex() {
        return String.format("%016x", hash);
    }

    private void mix(byte b) {
        hash ^= b & 0xff;
        hash *= PRIME;
    }
}
