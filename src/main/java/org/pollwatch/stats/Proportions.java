package org.pollwatch.stats;

/** Sampling error of a single share estimated from a (simple random, or effective) sample of size n. */
public final class Proportions {

    private Proportions() {}

    /**
     * Margin of error of a share under simple random sampling, {@code z * sqrt(p (1 - p) / n)} (the Wald
     * half-width; e.g. Kish 1965, <i>Survey Sampling</i>, ch. 2). For p = 0.5, n = 1000 at 95% this is the
     * familiar 3.1 points. Pass an effective n to account for the design effect.
     *
     * @param p     the share, in [0, 1]
     * @param n     the (effective) sample size, &gt; 0
     * @param level the confidence level
     */
    public static double marginOfError(double p, double n, ConfidenceLevel level) {
        Checks.share(p, "p");
        Checks.sampleSize(n, "n");
        Checks.notNull(level, "level");
        return level.z() * Math.sqrt(p * (1.0 - p) / n);
    }

    /**
     * Wilson score interval (E. B. Wilson, "Probable inference, the law of succession, and statistical
     * inference", JASA 22, 1927), in the form given by Agresti &amp; Coull (1998, The American Statistician
     * 52:119) and Brown, Cai &amp; DasGupta (2001, Statistical Science 16:101, eq. 4):
     * <pre>
     *   centre    = (p + z^2 / 2n) / (1 + z^2 / n)
     *   halfWidth = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
     * </pre>
     * Unlike the Wald interval it stays inside [0, 1] and does not collapse to a point at p = 0 or 1.
     *
     * @param p     the observed share, in [0, 1]
     * @param n     the (effective) sample size, &gt; 0
     * @param level the confidence level
     */
    public static Interval wilson(double p, double n, ConfidenceLevel level) {
        Checks.share(p, "p");
        Checks.sampleSize(n, "n");
        Checks.notNull(level, "level");
        double z = level.z();
        double zSquaredOverN = z * z / n;
        double shrink = 1.0 + zSquaredOverN;
        double centre = (p + zSquaredOverN / 2.0) / shrink;
        double halfWidth = z / shrink * Math.sqrt(p * (1.0 - p) / n + zSquaredOverN / (4.0 * n));
        // Mathematically the interval lies in [0, 1] and contains p; clamp away rounding (e.g. at p = 0 or 1).
        return new Interval(
                Math.min(p, Math.max(0.0, centre - halfWidth)), Math.max(p, Math.min(1.0, centre + halfWidth)));
    }
}
