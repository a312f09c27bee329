package org.pollwatch.stats;

/**
 * Quantiles of Student's t distribution by G. W. Hill, "Algorithm 396: Student's t-quantiles",
 * Communications of the ACM 13(10):619-620, 1970 (exact for 1 and 2 degrees of freedom, an expansion
 * about the normal quantile otherwise; about 6 significant digits, non-integer degrees of freedom
 * allowed).
 */
public final class StudentT {

    private StudentT() {}

    /** The t with {@code df} degrees of freedom exceeded in absolute value with probability 1 - level. */
    public static double twoSidedQuantile(double confidenceLevel, double df) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new IllegalArgumentException("confidenceLevel must be in (0,1)");
        if (!(df >= 1)) throw new IllegalArgumentException("df must be >= 1");
        double p = 1 - confidenceLevel; // two-tailed probability
        if (df == 2) return Math.sqrt(2 / (p * (2 - p)) - 2);
        if (df == 1) {
            double angle = p * Math.PI / 2;
            return Math.cos(angle) / Math.sin(angle);
        }
        double n = df;
        double a = 1 / (n - 0.5);
        double b = 48 / (a * a);
        double c = ((20700 * a / b - 98) * a - 16) * a + 96.36;
        double d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt(a * Math.PI / 2) * n;
        double x = d * p;
        double y = Math.pow(x, 2 / n);
        if (y > 0.05 + a) {
            // asymptotic inverse expansion about the normal quantile
            x = NormalDistribution.twoSidedQuantile(confidenceLevel);
            y = x * x;
            if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
            c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
            y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
            y = Math.expm1(a * y * y);
        } else {
            y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1)
                            * (n + 1)
                            / (n + 2)
                    + 1 / y;
        }
        return Math.sqrt(n * y);
    }
}
