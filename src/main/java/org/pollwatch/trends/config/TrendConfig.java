package org.pollwatch.trends.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pollwatch.stats.trend.TrendMethod;
import org.pollwatch.stats.trend.TrendMode;

/**
 * Tunables of the poll averages ({@code pollwatch.trends.*}). The defaults of a trend request are the
 * engine's own ({@code TrendOptions.defaults()}) unless set here.
 */
@ConfigMapping(prefix = "pollwatch.trends")
public interface TrendConfig {

    /**
     * Computed trends kept (each request's parameters are one entry), and as many series' polls read
     * for them (per series, as-of day, mode and excluded pollsters); both emptied on every change of
     * their series, and each also bounded by bytes.
     */
    @WithDefault("1000")
    long cacheSize();

    /**
     * Memory, in megabytes, for what the last computation of each trend request needs to be resumed
     * after a change (per choice: its polls as prepared and its daily sweeps; about 4 MB for a
     * two-choice series of 10,000 polls over three years). Least recently used first out; 0 computes
     * every trend whole.
     */
    @WithDefault("32")
    int resumableMegabytes();

    /**
     * Synthetic polls the trend engine and the chart drawing run on at startup, in the background, so
     * that the first real chart does not pay for the JIT compiler's warm-up ({@code ChartWarmUp}); 0
     * turns the warm-up off.
     */
    @WithDefault("10000")
    int warmUpPolls();

    /**
     * Whether a change of a series' polls, through any instance, has this instance compute the
     * series' default trend and chart data right after the commit, in the background, so that the
     * reader who follows the change finds them ready.
     */
    @WithDefault("true")
    boolean precomputeAfterChange();

    /**
     * Series whose default trend and chart data this instance computes when it starts (after the
     * warm-up, in the background): this many of those changed last, so that the first reader after a
     * restart or on a new replica finds them ready; 0 computes none.
     */
    @WithDefault("10")
    int precomputeAtStartup();

    /** Method when a request names none. */
    Optional<TrendMethod> defaultMethod();

    /** Mode when a request names none. */
    Optional<TrendMode> defaultMode();

    /** Confidence level of the band when a request names none, between 0.5 and 0.999. */
    OptionalDouble defaultConfidence();

    /** Whether house effects are adjusted when a request does not say. */
    Optional<Boolean> defaultAdjustHouseEffects();
}
