package org.pollwatch.common.readreplica;

import java.util.regex.Pattern;

/**
 * A PostgreSQL write-ahead-log position ({@code pg_lsn}), written as two hexadecimal halves of a
 * 64-bit byte offset: {@code 16/B374D848}.
 */
public record Lsn(long position) implements Comparable<Lsn> {

    private static final Pattern TEXT = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    /** The position in {@code text}, or {@code null} when it is not an LSN. */
    public static Lsn parseOrNull(String text) {
        if (text == null || !TEXT.matcher(text.strip()).matches()) {
            return null;
        }
        String[] halves = text.strip().split("/");
        return new Lsn((Long.parseLong(halves[0], 16) << 32) | Long.parseLong(halves[1], 16));
    }

    /** Bytes of WAL from {@code older} to this position (0 when this one is not ahead). */
    public long bytesAfter(Lsn older) {
        return Long.compareUnsigned(position, older.position) > 0 ? position - older.position : 0;
    }

    public boolean isAtLeast(Lsn other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(position, other.position);
    }

    @Override
    public String toString() {
        return Long.toHexString(position >>> 32).toUpperCase() + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase();
    }
}
