package org.pollwatch.imports.fivethirtyeight;

/**
 * A data row that could not be parsed. The reader goes on with the next row (except after an
 * unterminated quote, which consumes the rest of the input).
 *
 * @param line   1-based line where the row starts
 * @param column header name of the offending column, or {@code null} for whole-row problems
 * @param reason human-readable reason
 */
public record RowError(long line, String column, String reason) implements PollRowResult {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}
