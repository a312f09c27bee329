package org.pollwatch.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.pollwatch.problems.ProblemException;

/** Parses query parameters by hand so that a bad value is a 400 naming the parameter, not a bare 404. */
public final class Params {

    private Params() {}

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date as yyyy-MM-dd, not '" + value + "'");
        }
        if (!InputLimits.dateInRange(date)) {
            throw ProblemException.invalidField(name, InputLimits.dateRangeMessage());
        }
        return date;
    }

    /**
     * An instant as ISO 8601 date-time with offset ({@code 2024-02-06T08:00:00Z}), or a date, read as
     * its start in UTC; within the dates {@link InputLimits} allows.
     */
    public static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.length() == 10) {
            return date(name, text).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(
                    name, "must be a date-time with offset as 2024-02-06T08:00:00Z, or a date, not '" + value + "'");
        }
        if (!InputLimits.dateInRange(instant.toLocalDate())) {
            throw ProblemException.invalidField(name, InputLimits.dateRangeMessage());
        }
        return instant;
    }

    /** Enum constants are accepted in their JSON spelling (lower case, underscores) or as written in Java. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        name,
                        "must be one of "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                                        .toList()
                                + ", not '" + value + "'"));
    }

    public static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number, not '" + value + "'");
        }
    }

    /** The {@code page} parameter of a paged list: from 0, default 0. */
    public static int page(String value) {
        return intInRange("page", value, 0, 0, 1_000_000);
    }

    /** The {@code size} parameter of a paged list: at least 1, default 20, larger values capped at {@link PageView#MAX_SIZE}. */
    public static int pageSize(String value) {
        return Math.min(intInRange("size", value, 20, 1, Integer.MAX_VALUE), PageView.MAX_SIZE);
    }
}
