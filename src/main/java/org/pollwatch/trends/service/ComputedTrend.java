package org.pollwatch.trends.service;

import org.pollwatch.common.ReadCache;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;

/**
 * What the trend cache holds for one request: the trend, already serialised as JSON and as CSV (a
 * warm request only copies bytes), the house effects computed with it, and a fingerprint of both
 * for ETags. The fingerprint is of the content, not of a counter, so it stays right across restarts
 * and instances.
 */
public record ComputedTrend(
        TrendView trend, byte[] trendJson, byte[] trendCsv, HouseEffectsView houseEffects, String fingerprint)
        implements ReadCache.Weighed {

    /** The two serialised forms, and the view they were written from (about as large as the JSON). */
    @Override
    public long bytes() {
        return 2L * trendJson.length + trendCsv.length;
    }
}
