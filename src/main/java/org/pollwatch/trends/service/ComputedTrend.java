package org.pollwatch.trends.service;

import java.util.function.Supplier;
import org.pollwatch.common.ReadCache;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;

/**
 * What the trend cache holds for one request: the trend, the house effects computed with it, and,
 * written on first use and kept, the trend as JSON and as CSV (a warm request only copies bytes) with
 * a fingerprint of both for ETags. A chart or a page drawn from the trend never pays for them. The
 * fingerprint is of the content, not of a counter, so it stays right across restarts and instances.
 */
public final class ComputedTrend implements ReadCache.Weighed {

    /** The trend's serialised forms and their fingerprint. */
    record Serialised(byte[] json, byte[] csv, String fingerprint) {}

    private final TrendView trend;
    private final HouseEffectsView houseEffects;
    private final Supplier<Serialised> serialise;
    private volatile Serialised serialised;

    ComputedTrend(TrendView trend, HouseEffectsView houseEffects, Supplier<Serialised> serialise) {
        this.trend = trend;
        this.houseEffects = houseEffects;
        this.serialise = serialise;
    }

    public TrendView trend() {
        return trend;
    }

    public HouseEffectsView houseEffects() {
        return houseEffects;
    }

    public byte[] trendJson() {
        return serialised().json();
    }

    public byte[] trendCsv() {
        return serialised().csv();
    }

    public String fingerprint() {
        return serialised().fingerprint();
    }

    private Serialised serialised() {
        Serialised done = serialised;
        if (done == null) {
            synchronized (this) {
                done = serialised;
                if (done == null) {
                    done = serialise.get();
                    serialised = done;
                }
            }
        }
        return done;
    }

    /**
     * The two serialised forms, and the view they are written from (about as large as the JSON):
     * estimated from the points and polls (about 150 and 8 bytes each in JSON, 40 a point in CSV),
     * since the cache weighs an entry before anything asks for its bytes.
     */
    @Override
    public long bytes() {
        long json = 150L * trend.points().size() + 8L * trend.polls().size() + 1024;
        return 2 * json + 40L * trend.points().size();
    }
}
