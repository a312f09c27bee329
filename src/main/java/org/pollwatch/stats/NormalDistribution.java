package org.pollwatch.stats;

/**
 * The standard normal distribution: CDF and two-sided tail probabilities.
 *
 * <p>Everything is computed from the complementary error function {@code erfc}, evaluated with
 * W. J. Cody's rational Chebyshev approximations: W. J. Cody, "Rational Chebyshev approximations for
 * the error function", Mathematics of Computation 23 (1969), 631-637, with the coefficients of his
 * SPECFUN routine CALERF (Netlib, 1990). Their relative error is below about 1e-16 over the whole
 * range, which is what lets tail probabilities be computed without the cancellation of {@code 1 - cdf}.
 */
public final class NormalDistribution {
    // Coefficients of Acklam's inverse-CDF approximation (see inverseCdf).
    private static final double[] QUANTILE_A = {
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00
    };
    private static final double[] QUANTILE_B = {
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01
    };
    private static final double[] QUANTILE_C = {
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00
    };
    private static final double[] QUANTILE_D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
    };
    private static final double QUANTILE_P_LOW = 0.02425;

    private static final double SQRT_HALF = 0.7071067811865476; // 1 / sqrt(2)
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;
    private static final double ERF_SERIES_LIMIT = 0.46875;
    /** erfc(x) underflows to 0 in double precision for x at or beyond this (Cody's XBIG). */
    private static final double ERFC_UNDERFLOW = 26.543;

    // erf(x) = x * A(x^2) / B(x^2) for |x| <= 0.46875
    private static final double[] A = {
        3.16112374387056560e00,
        1.13864154151050156e02,
        3.77485237685302021e02,
        3.20937758913846947e03,
        1.85777706184603153e-1
    };
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03
    };
    // erfc(x) = exp(-x^2) * C(x) / D(x) for 0.46875 < x <= 4
    private static final double[] C = {
        5.64188496988670089e-1,
        8.88314979438837594e00,
        6.61191906371416295e01,
        2.98635138197400131e02,
        8.81952221241769090e02,
        1.71204761263407058e03,
        2.05107837782607147e03,
        1.23033935479799725e03,
        2.15311535474403846e-8
    };
    private static final double[] D = {
        1.57449261107098347e01,
        1.17693950891312499e02,
        5.37181101862009858e02,
        1.62138957456669019e03,
        3.29079923573345963e03,
        4.36261909014324716e03,
        3.43936767414372164e03,
        1.23033935480374942e03
    };
    // erfc(x) = exp(-x^2) / x * (1/sqrt(pi) - P(1/x^2) / (x^2 Q(1/x^2))) for x > 4
    private static final double[] P = {
        3.05326634961232344e-1,
        3.60344899949804439e-1,
        1.25781726111229246e-1,
        1.60837851487422766e-2,
        6.58749161529837803e-4,
        1.63153871373020978e-2
    };
    private static final double[] Q = {
        2.56852019228982242e00,
        1.87295284992346047e00,
        5.27905102951428412e-1,
        6.05183413124413191e-2,
        2.33520497626869185e-3
    };

    private NormalDistribution() {}

    /**
     * Standard normal CDF {@code Phi(x) = erfc(-x / sqrt 2) / 2}. Accurate to about 1e-15 relative,
     * also far in the lower tail.
     *
     * @throws IllegalArgumentException if {@code x} is NaN
     */
    public static double cdf(double x) {
        requireNumber(x, "x");
        return 0.5 * erfc(-x * SQRT_HALF);
    }

    /**
     * Two-sided p-value of a z statistic, {@code 2 (1 - Phi(|z|)) = erfc(|z| / sqrt 2)}. Computed directly
     * from {@code erfc}, so small p-values keep their relative accuracy instead of cancelling to 0.
     *
     * @throws IllegalArgumentException if {@code z} is NaN
     */
    public static double twoSidedPValue(double z) {
        requireNumber(z, "z");
        return erfc(Math.abs(z) * SQRT_HALF);
    }

    /**
     * Complementary error function {@code erfc(x) = 1 - erf(x)}, by Cody's (1969) rational Chebyshev
     * approximations on the intervals |x| &lt;= 0.46875, 0.46875 &lt; |x| &lt;= 4 and |x| &gt; 4.
     *
     * @throws IllegalArgumentException if {@code x} is NaN
     */
    public static double erfc(double x) {
        requireNumber(x, "x");
        double y = Math.abs(x);
        if (y <= ERF_SERIES_LIMIT) {
            double ysq = y * y;
            double num = A[4] * ysq;
            double den = ysq;
            for (int i = 0; i < 3; i++) {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }
            return 1.0 - x * (num + A[3]) / (den + B[3]);
        }
        double upperTail;
        if (y >= ERFC_UNDERFLOW) {
            upperTail = 0.0;
        } else if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            upperTail = expMinusSquare(y) * (num + C[7]) / (den + D[7]);
        } else {
            double inverseSquare = 1.0 / (y * y);
            double num = P[5] * inverseSquare;
            double den = inverseSquare;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * inverseSquare;
                den = (den + Q[i]) * inverseSquare;
            }
            double series = inverseSquare * (num + P[4]) / (den + Q[4]);
            upperTail = expMinusSquare(y) * (ONE_OVER_SQRT_PI - series) / y;
        }
        return x < 0 ? 2.0 - upperTail : upperTail;
    }

    /**
     * {@code exp(-y^2)} without losing accuracy to the rounding of {@code y^2}: y is split into a part with
     * few bits (a multiple of 1/16, whose square is exact) and a small remainder, as in Cody's CALERF.
     */
    private static double expMinusSquare(double y) {
        double coarse = Math.floor(y * 16.0) / 16.0;
        double remainder = (y - coarse) * (y + coarse);
        return Math.exp(-coarse * coarse) * Math.exp(-remainder);
    }

    private static void requireNumber(double value, String name) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + " must be a number, but was NaN");
        }
    }

    /**
     * Inverse of the standard normal CDF: z with P(Z <= z) = p, for p in (0,1). Peter J. Acklam's rational
     * approximation ("An algorithm for computing the inverse normal cumulative distribution function", 2003),
     * relative error below 1.15e-9: plenty for confidence bands at any level.
     */
    public static double inverseCdf(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0,1): " + p);
        }
        if (p < QUANTILE_P_LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((QUANTILE_C[0] * q + QUANTILE_C[1]) * q + QUANTILE_C[2]) * q + QUANTILE_C[3]) * q
                                            + QUANTILE_C[4])
                                    * q
                            + QUANTILE_C[5])
                    / ((((QUANTILE_D[0] * q + QUANTILE_D[1]) * q + QUANTILE_D[2]) * q + QUANTILE_D[3]) * q + 1);
        }
        if (p > 1 - QUANTILE_P_LOW) {
            return -inverseCdf(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((QUANTILE_A[0] * r + QUANTILE_A[1]) * r + QUANTILE_A[2]) * r + QUANTILE_A[3]) * r + QUANTILE_A[4])
                                * r
                        + QUANTILE_A[5])
                * q
                / (((((QUANTILE_B[0] * r + QUANTILE_B[1]) * r + QUANTILE_B[2]) * r + QUANTILE_B[3]) * r + QUANTILE_B[4])
                                * r
                        + 1);
    }

    /** Half-width multiplier of a two-sided interval at a confidence level in (0,1): 1.96 for 0.95. */
    public static double twoSidedQuantile(double confidenceLevel) {
        return inverseCdf(1 - (1 - confidenceLevel) / 2);
    }
}
