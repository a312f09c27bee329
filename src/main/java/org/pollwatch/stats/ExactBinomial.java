package org.pollwatch.stats;

/**
 * Exact conditional test of a lead in a small sample. Given that {@code m = xA + xB} respondents chose one of
 * the two options, under H0 (pA = pB) the count of A is Binomial(m, 1/2); the two-sided p-value is
 * {@code min(1, 2 P(X >= max(xA, xB)))} (the conditional binomial test of a multinomial pair, e.g. Agresti,
 * <i>Categorical Data Analysis</i>, 3rd ed. 2013, §1.4.4 and §11.1: McNemar's exact form).
 */
public final class ExactBinomial {

    /**
     * Below this expected count {@code n (pA + pB)} the normal approximation of a lead is not trusted and
     * the exact test is used instead.
     */
    public static final double NORMAL_APPROXIMATION_MINIMUM = 30.0;

    private ExactBinomial() {}

    /**
     * Two-sided exact p-value of a lead of a over b.
     *
     * @param countA respondents choosing A (whole, >= 0)
     * @param countB respondents choosing B (whole, >= 0)
     * @return {@code min(1, 2 P(X >= max(a, b)))} with X ~ Binomial(a + b, 1/2); 1 when a + b = 0
     */
    public static double twoSidedPValue(long countA, long countB) {
        if (countA < 0 || countB < 0) {
            throw new IllegalArgumentException("counts must be >= 0, but were " + countA + " and " + countB);
        }
        long m = countA + countB;
        long k = Math.max(countA, countB);
        if (m == 0 || countA == countB) {
            return 1.0;
        }
        // P(X >= k) = sum_{i=k..m} C(m, i) / 2^m, accumulated in logs so any m stays finite.
        double tail = 0.0;
        for (long i = k; i <= m; i++) {
            tail += Math.exp(logChoose(m, i) - m * Math.log(2.0));
        }
        return Math.min(1.0, 2.0 * tail);
    }

    private static double logChoose(long m, long i) {
        double sum = 0.0;
        long j = Math.min(i, m - i);
        for (long t = 1; t <= j; t++) {
            sum += Math.log((double) (m - j + t)) - Math.log((double) t);
        }
        return sum;
    }
}
