package org.pollwatch.trends.service;

import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;

/**
 * What the trend cache holds for one request: the trend, already serialised as JSON and as CSV (a
 * warm request only copies bytes), and the house effects computed with it.
 */
public record ComputedTrend(TrendView trend, byte[] trendJson, byte[] trendCsv, HouseEffectsView houseEffects) {
}
