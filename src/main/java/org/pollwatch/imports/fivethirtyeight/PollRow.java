package org.pollwatch.imports.fivethirtyeight;

import java.time.LocalDate;
import java.util.Map;

/**
 * One parsed poll row.
 *
 * @param line         1-based line where the row starts
 * @param startDate    field start; never after {@code endDate} (see {@code datesSwapped})
 * @param endDate      field end
 * @param datesSwapped true if the file had start_date after end_date and the two were swapped.
 *                     Swapping (rather than rejecting) keeps the row, and makes the later date the
 *                     field end, so a realtime average cannot use the poll before it can have existed.
 *                     In the FiveThirtyEight data the one such YouGov row (2021-10-19 / 2021-01-21)
 *                     is a Yahoo poll from October 2021 whose end date was mistyped.
 * @param pollster     pollster name, never blank
 * @param sponsor      sponsor, {@code null} if empty or column absent
 * @param sampleSize   sample size rounded to a whole number, {@code null} if unknown
 * @param population   "a", "rv", "lv" or "v" (lower case)
 * @param party        party column ({@code null} if absent/empty)
 * @param subject      subject column ({@code null} if absent/empty)
 * @param tracking     TRUE/FALSE, {@code null} if empty or column absent
 * @param text         question wording ({@code null} if absent/empty)
 * @param answers      answer column name → percent in [0,100], in the caller's column order; an
 *                     empty cell is left out of the map (some concern polls omit an option)
 * @param url          source URL ({@code null} if absent/empty)
 */
public record PollRow(
        long line,
        LocalDate startDate,
        LocalDate endDate,
        boolean datesSwapped,
        String pollster,
        String sponsor,
        Integer sampleSize,
        String population,
        String party,
        String subject,
        Boolean tracking,
        String text,
        Map<String, Double> answers,
        String url)
        implements PollRowResult {

    public PollRow {
        answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
    }
}
