package org.pollwatch.stats.trend;

/** Which polls each day's estimate may use. */
public enum TrendMode {
    /**
     * Each day's estimate (and the house effects applied to it) uses only polls available by that
     * day: what a dashboard would have shown on that day. One-sided.
     */
    REALTIME,
    /** Every day's estimate uses all polls, before and after it (two-sided, best estimate of the past). */
    HINDSIGHT
}
