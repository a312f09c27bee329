package org.pollwatch.stats.trend;

import java.time.LocalDate;

/**
 * The average of one choice on one day.
 *
 * @param date           the day
 * @param choice         the choice (key of {@link PollObservation#shares()})
 * @param estimate       average, percent
 * @param lower          lower end of the confidence band (clipped to [0,100])
 * @param upper          upper end of the confidence band (clipped to [0,100])
 * @param effectivePolls number of polls effectively behind the estimate: Kish's
 *                       (Σw)²/Σw² for the weighted methods; for KALMAN, how many typical polls
 *                       have the same combined precision as the state (mean observation variance
 *                       divided by state variance)
 */
public record TrendPoint(
        LocalDate date, String choice, double estimate, double lower, double upper, double effectivePolls) {}
