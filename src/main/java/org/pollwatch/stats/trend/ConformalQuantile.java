package org.pollwatch.stats.trend;

import java.util.Arrays;

/**
 * The split-conformal quantile of a growing set of scores (Vovk, Gammerman &amp; Shafer, <i>Algorithmic
 * Learning in a Random World</i>, 2005, ch. 2; Lei, G'Sell, Rinaldo, Tibshirani &amp; Wasserman,
 * "Distribution-free predictive inference for regression", JASA 113:1094-1111, 2018): with m scores, the
 * ⌈(m+1)·level⌉-th smallest. If the scores and a new one are exchangeable, the new one is at most that
 * value with probability at least {@code level}, whatever their distribution. Scores are kept sorted
 * (binary search and one array shift per insertion).
 */
final class ConformalQuantile {

    private double[] sorted;
    private int size;

    ConformalQuantile(int capacity) {
        sorted = new double[Math.max(8, capacity)];
    }

    void add(double score) {
        if (size == sorted.length) sorted = Arrays.copyOf(sorted, 2 * size);
        int at = Arrays.binarySearch(sorted, 0, size, score);
        if (at < 0) at = -at - 1;
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = score;
        size++;
    }

    int size() {
        return size;
    }

    /** The ⌈(m+1)·level⌉-th smallest of the m scores, or NaN while there are too few for that rank. */
    double quantile(double level) {
        long rank = (long) Math.ceil((size + 1) * level - 1e-9);
        if (rank < 1) rank = 1;
        return rank > size ? Double.NaN : sorted[(int) rank - 1];
    }
}
