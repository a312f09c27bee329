package org.pollwatch.common;

import java.time.Duration;

/**
 * What is computed from a series ahead of its readers once a change has committed (the default trend
 * and chart). Single submissions leave it to the background; an import, whose reader asks for the
 * series' chart the moment it answers, waits for it before answering.
 */
public interface ReadsAhead {

    /**
     * Has it computed for the series and waits until it is done, skipped (turned off) or failed, or until
     * {@code atMost} has passed (the computation then goes on without the caller). Never throws.
     */
    void awaitFor(String seriesKey, Duration atMost);
}
