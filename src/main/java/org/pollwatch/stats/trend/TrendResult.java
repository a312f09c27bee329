package org.pollwatch.stats.trend;

import java.util.List;

/**
 * Output of {@link TrendEngine#compute}.
 *
 * @param points              one point per day per choice in [from, to] (days before the first
 *                            usable poll, or with no poll in the window for the window-based
 *                            methods, have none), ordered by choice then date
 * @param contributingPollIds ids of the polls that influenced at least one reported point (a
 *                            version dropped by the population rule does not), sorted
 * @param houseEffects        per pollster and choice; in REALTIME mode as known on the last day
 *                            {@code to}; ordered by choice then pollster
 */
public record TrendResult(List<TrendPoint> points, List<String> contributingPollIds, List<HouseEffect> houseEffects) {

    public TrendResult {
        points = List.copyOf(points);
        contributingPollIds = List.copyOf(contributingPollIds);
        houseEffects = List.copyOf(houseEffects);
    }
}
