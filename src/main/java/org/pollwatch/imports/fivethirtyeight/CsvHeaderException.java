package org.pollwatch.imports.fivethirtyeight;

import java.util.List;

/** The header lacks required columns (or the input is empty); nothing can be read. */
public class CsvHeaderException extends IllegalArgumentException {

    private final List<String> missingColumns;

    public CsvHeaderException(List<String> missingColumns) {
        super(
                missingColumns.isEmpty()
                        ? "empty input: no header line"
                        : "CSV header is missing required column(s): " + String.join(", ", missingColumns));
        this.missingColumns = List.copyOf(missingColumns);
    }

    /** The required column names not found in the header (empty if there was no header at all). */
    public List<String> missingColumns() {
        return missingColumns;
    }
}
