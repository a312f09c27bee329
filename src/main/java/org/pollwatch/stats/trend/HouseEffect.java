package org.pollwatch.stats.trend;

/**
 * How far one pollster's results for one choice sit from the average: its mean residual,
 * shrunk toward 0 (see {@code HouseEffectEstimator}). Positive = the pollster shows the choice higher.
 *
 * @param pollster      pollster name as first seen in the input
 * @param choice        the choice
 * @param effect        shrunk house effect, percentage points
 * @param standardError posterior standard deviation of the effect, points
 * @param pollCount     number of the pollster's polls it is based on
 */
public record HouseEffect(String pollster, String choice, double effect, double standardError, int pollCount) {}
