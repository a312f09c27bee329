package org.pollwatch.common;

import java.time.LocalDate;

/**
 * Bounds on what one request may ask for, documented in the README ("Limits"). Each is answered
 * with a 400 (or 413) problem naming the field or parameter and the limit.
 */
public final class InputLimits {

    /** Earliest date accepted anywhere (field dates, publication dates, query dates). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    /** Latest date accepted anywhere. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    /** Days one trend may report (20 years). */
    public static final int MAX_TREND_DAYS = 7_305;

    /** Characters of a revision or retraction reason. */
    public static final int MAX_REASON_LENGTH = 1_000;

    /**
     * Results one poll may hold: its options plus its subgroups' shares, all questions together. A large
     * crosstab release (50 questions x 5 options x 30 subgroups) holds under 8,000.
     */
    public static final int MAX_POLL_RESULTS = 20_000;

    /**
     * Bytes of a JSON write (polls, pollsters, series), by its Content-Length: a poll at the results
     * limit is well under 1 MB, and a 71 MB one, within every per-field limit, took a 256 MB
     * instance down before validation could refuse it (bench/memory.sh). Imports have their own limit.
     */
    public static final long MAX_DOCUMENT_BYTES = 2L * 1024 * 1024;

    private InputLimits() {}

    public static boolean dateInRange(LocalDate date) {
        return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
    }

    public static String dateRangeMessage() {
        return "must be between " + EARLIEST_DATE + " and " + LATEST_DATE;
    }

    /** The first character that a text value may not hold (NUL and other C0 controls but tab, CR, LF), or -1. */
    public static int invalidCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                return c;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return c;
            }
            if (Character.isLowSurrogate(c)) {
                return c;
            }
        }
        return -1;
    }

    public static String invalidCharacterMessage(int c) {
        return String.format("must not contain the control or invalid character U+%04X", c);
    }
}
