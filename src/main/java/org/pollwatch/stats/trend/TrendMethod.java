package org.pollwatch.stats.trend;

/** How the daily trend is computed. */
public enum TrendMethod {
    /** Recency- and sample-size-weighted rolling average, see {@code WeightedAverageSmoother}. */
    WEIGHTED_AVERAGE,
    /** Tricube-weighted local linear regression (Cleveland 1979), see {@code LoessSmoother}. */
    LOESS,
    /** Random-walk Kalman filter; Rauch–Tung–Striebel smoother in hindsight, see {@code KalmanSmoother}. */
    KALMAN
}
