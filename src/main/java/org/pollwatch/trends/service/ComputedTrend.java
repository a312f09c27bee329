package org.pollwatch.trends.service;

import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;

/** What the trend cache holds for one request: the trend and the house effects computed with it. */
public record ComputedTrend(TrendView trend, HouseEffectsView houseEffects) {
}
