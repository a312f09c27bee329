package org.pollwatch.common;

import java.util.Set;

/**
 * Fired (CDI event) by every write that changes what reads are derived from: polls submitted,
 * revised, retracted or imported, series created or their membership changed. {@link ReadCache}
 * observes it once the transaction has committed; the live events observe it inside the
 * transaction, to announce the change on commit.
 *
 * @param reason what changed, for logs
 * @param change what happened to a poll, or null when no single poll changed (series, imports)
 * @param pollId the poll changed, or null
 * @param pollster the slug of the changed poll's pollster, or null
 * @param series keys of the series whose average the change affects (before and after it)
 * @param redefinesSeries the series' membership, mapping or settings changed, not only polls in it:
 *     reads of the series cannot be brought up to date from the polls changed since
 *     ({@link DataGeneration#startRead})
 */
public record DataChanged(
        String reason, PollChange change, Long pollId, String pollster, Set<String> series, boolean redefinesSeries) {

    public DataChanged {
        series = series == null ? Set.of() : Set.copyOf(series);
    }

    /** A change of something other than one poll, affecting no series' average. */
    public DataChanged(String reason) {
        this(reason, null, null, null, Set.of(), true);
    }

    /**
     * A change of something other than one poll that names no series: any series' derived results
     * may depend on it, so it raises every series' generation ({@link DataGeneration}).
     */
    public boolean unscoped() {
        return series.isEmpty() && pollId == null;
    }

    /** A poll submitted, revised or retracted, with the series whose averages it moves. */
    public static DataChanged ofPoll(PollChange change, long pollId, String pollster, Set<String> series) {
        return new DataChanged(
                "poll " + pollId + " " + change.name().toLowerCase(java.util.Locale.ROOT),
                change,
                pollId,
                pollster,
                series,
                false);
    }

    /** Polls added to a series by an import: the series' average moves. */
    public static DataChanged ofImport(String reason, String seriesKey) {
        return new DataChanged(reason, null, null, null, Set.of(seriesKey), false);
    }

    /** A change of series membership, mapping or settings: the series' average moves. */
    public static DataChanged ofSeriesDefinition(String reason, String seriesKey) {
        return new DataChanged(reason, null, null, null, Set.of(seriesKey), true);
    }

    public enum PollChange {
        SUBMITTED,
        REVISED,
        RETRACTED
    }
}
