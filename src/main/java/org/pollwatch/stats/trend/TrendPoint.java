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
 * @param predictionLower lower end of the range in which a new poll published the next day is expected to
 *                        fall at the same level (the average's uncertainty plus a poll's own error and a
 *                        pollster's house effect); NaN when not estimated
 * @param predictionUpper upper end of that range
 */
public record TrendPoint(
        LocalDate date,
        String choice,
        double estimate,
        double lower,
        double upper,
        double effectivePolls,
        double predictionLower,
        double predictionUpper) {

    /** A point without a prediction range. */
    public TrendPoint(
            LocalDate date, String choice, double estimate, double lower, double upper, double effectivePolls) {
        this(date, choice, estimate, lower, upper, effectivePolls, Double.NaN, Double.NaN);
    }
}
