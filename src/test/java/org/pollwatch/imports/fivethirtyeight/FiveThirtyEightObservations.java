package org.pollwatch.imports.fivethirtyeight;

import org.pollwatch.stats.trend.PollObservation;

/** Turns parsed FiveThirtyEight rows into trend-engine input. */
public final class FiveThirtyEightObservations {

    private FiveThirtyEightObservations() {}

    /**
     * The files have no publication date, so the poll counts as available from its field end
     * (the engine's {@code minReportingLagDays} can add a reporting lag).
     */
    public static PollObservation toObservation(PollRow row, String pollId) {
        return new PollObservation(
                pollId,
                row.pollster(),
                row.startDate(),
                row.endDate(),
                row.endDate(),
                row.sampleSize() == null ? null : row.sampleSize().doubleValue(),
                row.population(),
                Boolean.TRUE.equals(row.tracking()),
                row.answers(),
                null);
    }

    /** As {@link #toObservation(PollRow, String)} with id {@code "538-line-<line>"}. */
    public static PollObservation toObservation(PollRow row) {
        return toObservation(row, "538-line-" + row.line());
    }
}
