package org.pollwatch.imports;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did: rows read, polls stored, rows skipped as already imported, and rows rejected with why. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(example = "biden-covid-approval") String series,

        @Schema(description = "Whether the import created the series")
        boolean seriesCreated,

        @Schema(description = "Data rows read (the header not counted)", example = "184")
        long rowsRead,

        @Schema(description = "Rows stored as new polls", example = "180")
        long accepted,

        @Schema(
                description = "Rows skipped because the same poll was imported before (or earlier in the file)",
                example = "2")
        long duplicates,

        @Schema(description = "Number of rejected rows (the list below stops at " + MAX_LISTED + ")", example = "2")
        long rejectedCount,

        List<RejectedRow> rejected) {

    public static final int MAX_LISTED = 1000;

    @Schema(name = "RejectedRow")
    public record RejectedRow(
            @Schema(description = "Line of the file where the row starts (the header is line 1)", example = "7")
            long line,

            @Schema(description = "Offending column, or null for the whole row", example = "approve", nullable = true)
            String column,

            @Schema(example = "percentage out of range [0,100]: 140")
            String reason) {}
}
