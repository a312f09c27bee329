package org.pollwatch.imports.fivethirtyeight;

import java.time.LocalDate;
import java.util.Map;

/**
 * One day of a FiveThirtyEight published average ("toplines" file).
 *
 * @param line      1-based line of the row
 * @param modelDate the day the average is for (computed from polls known that day)
 * @param subject   subject column, {@code null} if absent
 * @param party     party column, {@code null} if absent
 * @param estimates choice → average in percent, keyed by the caller's choice names
 *                  (column {@code <choice>_estimate})
 */
public record Topline(long line, LocalDate modelDate, String subject, String party, Map<String, Double> estimates) {

    public Topline {
        estimates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(estimates));
    }
}
