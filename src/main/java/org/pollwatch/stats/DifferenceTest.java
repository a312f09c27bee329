package org.pollwatch.stats;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Whether a difference between two shares exceeds sampling error: a two-sided z test with a normal
 * (Wald) confidence interval for the difference {@code shareA - shareB}.
 *
 * <p>When a sample size is unknown, everything that depends on it is empty, the verdict is
 * {@link Verdict#UNKNOWN_SAMPLE_SIZE}, and {@code minimumSampleSizeForSignificance} says how large an
 * effective sample would have to be for the observed difference to be significant.
 *
 * <p>Significant means {@code |z| > z_level}, equivalently {@code p < alpha}. If the estimated variance is 0
 * (only possible with shares of exactly 0 or 1) z is 0 for equal shares and ±infinity otherwise; never NaN.
 *
 * @param comparison                       what kind of difference this is
 * @param level                            the confidence level used
 * @param shareA                           first share (leading option, current poll, or subgroup A)
 * @param shareB                           second share (trailing option, previous poll, or subgroup B)
 * @param difference                       {@code shareA - shareB}
 * @param effectiveSampleSizeA             effective n behind shareA (for a lead: the poll's n)
 * @param effectiveSampleSizeB             effective n behind shareB (for a lead: the same as A)
 * @param standardError                    standard error of the difference
 * @param marginOfError                    {@code z_level * standardError}
 * @param interval                         {@code difference ± marginOfError}, clipped to [-1, 1]
 * @param zStatistic                       {@code difference / standardError}
 * @param pValue                           two-sided p-value of zStatistic
 * @param significanceComputable           false when a sample size is unknown
 * @param minimumSampleSizeForSignificance when a sample size is unknown: the smallest whole effective n at
 *                                         which this difference would be significant (empty if none, i.e. a
 *                                         zero difference); empty whenever the sample sizes are known
 * @param verdict                          the conclusion
 * @param formula                          the formula used, human-readable
 * @param exactTest                        true when p-value and verdict come from the exact conditional binomial
 *                                         test (a lead in a small sample), not from z
 */
public record DifferenceTest(
        Comparison comparison,
        ConfidenceLevel level,
        double shareA,
        double shareB,
        double difference,
        OptionalDouble effectiveSampleSizeA,
        OptionalDouble effectiveSampleSizeB,
        OptionalDouble standardError,
        OptionalDouble marginOfError,
        Optional<Interval> interval,
        OptionalDouble zStatistic,
        OptionalDouble pValue,
        boolean significanceComputable,
        OptionalLong minimumSampleSizeForSignificance,
        Verdict verdict,
        String formula,
        boolean exactTest) {

    /** Shares of one question may sum slightly above 1 after rounding of reported percentages. */
    private static final double SHARE_SUM_TOLERANCE = 1e-9;

    /**
     * Lead of option A over option B of the same question in one poll. The two shares come from one
     * multinomial sample, so they are negatively correlated and
     * {@code var(pA - pB) = (pA + pB - (pA - pB)^2) / n} (C. Franklin, "The 'Margin of Error' for
     * Differences in Polls", 2007; equivalently var(pA) + var(pB) + 2 pA pB / n). The minimum n for
     * significance is then the smallest whole n above {@code z^2 (pA + pB - (pA - pB)^2) / (pA - pB)^2}.
     *
     * @param shareA share of option A, in [0, 1]
     * @param shareB share of option B, in [0, 1], with {@code shareA + shareB <= 1}
     * @param poll   the poll's sample description
     * @param level  confidence level
     */
    public static DifferenceTest lead(double shareA, double shareB, SampleDesign poll, ConfidenceLevel level) {
        Checks.share(shareA, "shareA");
        Checks.share(shareB, "shareB");
        if (shareA + shareB > 1.0 + SHARE_SUM_TOLERANCE) {
            throw new IllegalArgumentException(
                    "shareA + shareB must not exceed 1 for options of one question, but was " + (shareA + shareB));
        }
        Checks.notNull(poll, "poll");
        OptionalDouble n = effectiveSize(poll);
        DifferenceTest normal = evaluate(
                Comparison.LEAD,
                shareA,
                shareB,
                n,
                n,
                level,
                "lead within one poll, multinomial (Franklin 2007): SE = sqrt((pA + pB - (pA - pB)^2) / n); "
                        + "z = (pA - pB) / SE");
        if (n.isEmpty() || n.getAsDouble() * (shareA + shareB) >= ExactBinomial.NORMAL_APPROXIMATION_MINIMUM) {
            return normal;
        }
        return normal.withExactLeadTest(n.getAsDouble());
    }

    /**
     * The same lead judged by the exact conditional binomial test: p-value and verdict from
     * {@link ExactBinomial}, on counts {@code round(n pA)} and {@code round(n pB)}; SE, MoE and interval stay
     * the normal ones, as a description of the estimate's spread.
     */
    private DifferenceTest withExactLeadTest(double n) {
        long countA = Math.round(n * shareA);
        long countB = Math.round(n * shareB);
        double p = ExactBinomial.twoSidedPValue(countA, countB);
        String exactFormula = String.format(
                Locale.ROOT,
                "lead within one poll, exact conditional binomial test because n (pA + pB) = %.1f < %.0f: "
                        + "given m = xA + xB (xA = round(n pA) = %d, xB = round(n pB) = %d), xA ~ Binomial(m, 1/2) "
                        + "under no lead; p = min(1, 2 P(X >= max(xA, xB))); significant if p < %s; "
                        + "SE = sqrt((pA + pB - (pA - pB)^2) / n) and MoE = z* * SE with z* = %s (%d%% two-sided) "
                        + "describe the spread only",
                n * (shareA + shareB),
                ExactBinomial.NORMAL_APPROXIMATION_MINIMUM,
                countA,
                countB,
                level.alpha(),
                level.z(),
                level.percent());
        return judged(
                OptionalDouble.of(p),
                true,
                minimumSampleSizeForSignificance,
                comparison.verdict(p < level.alpha()),
                exactFormula,
                true);
    }

    /** This test's estimate (shares, sizes, SE, MoE, interval, z) with another judgement of it. */
    private DifferenceTest judged(
            OptionalDouble pValue,
            boolean significanceComputable,
            OptionalLong minimumSampleSizeForSignificance,
            Verdict verdict,
            String formula,
            boolean exactTest) {
        return new DifferenceTest(
                comparison,
                level,
                shareA,
                shareB,
                difference,
                effectiveSampleSizeA,
                effectiveSampleSizeB,
                standardError,
                marginOfError,
                interval,
                zStatistic,
                pValue,
                significanceComputable,
                minimumSampleSizeForSignificance,
                verdict,
                formula,
                exactTest);
    }

    /**
     * Change of one option between two independent polls: the standard two-sample z test for independent
     * proportions, {@code var = pNew (1 - pNew) / nNew + pOld (1 - pOld) / nOld} with effective sample sizes
     * (e.g. Agresti, <i>Categorical Data Analysis</i>, 3rd ed. 2013, §1.4 and §3.1.2). If a sample size is
     * unknown, the minimum n for significance assumes equal n in both polls.
     *
     * @param currentShare  share in the newer poll, in [0, 1]
     * @param currentPoll   the newer poll's sample description
     * @param previousShare share in the older poll, in [0, 1]
     * @param previousPoll  the older poll's sample description
     * @param level         confidence level
     * @return a test of {@code difference = currentShare - previousShare}
     */
    public static DifferenceTest change(
            double currentShare,
            SampleDesign currentPoll,
            double previousShare,
            SampleDesign previousPoll,
            ConfidenceLevel level) {
        Checks.share(currentShare, "currentShare");
        Checks.share(previousShare, "previousShare");
        Checks.notNull(currentPoll, "currentPoll");
        Checks.notNull(previousPoll, "previousPoll");
        return evaluate(
                Comparison.CHANGE,
                currentShare,
                previousShare,
                effectiveSize(currentPoll),
                effectiveSize(previousPoll),
                level,
                "change between independent polls, two-sample z test: "
                        + "SE = sqrt(pNew (1 - pNew) / nNew + pOld (1 - pOld) / nOld); z = (pNew - pOld) / SE");
    }

    /**
     * Difference of one option between two disjoint subgroups of one poll (e.g. men vs women), treated as
     * independent samples each with its own n: the standard two-sample z test for independent proportions,
     * {@code var = pA (1 - pA) / nA + pB (1 - pB) / nB}. If a subgroup size is unknown, the minimum n for
     * significance assumes equal subgroup sizes.
     *
     * @param shareA    share in subgroup A, in [0, 1]
     * @param subgroupA subgroup A's sample description
     * @param shareB    share in subgroup B, in [0, 1]
     * @param subgroupB subgroup B's sample description
     * @param level     confidence level
     */
    public static DifferenceTest subgroupDifference(
            double shareA, SampleDesign subgroupA, double shareB, SampleDesign subgroupB, ConfidenceLevel level) {
        Checks.share(shareA, "shareA");
        Checks.share(shareB, "shareB");
        Checks.notNull(subgroupA, "subgroupA");
        Checks.notNull(subgroupB, "subgroupB");
        double deff = Math.max(
                subgroupA.designEffect().orElse(1.0), subgroupB.designEffect().orElse(1.0));
        String designText = deff > 1.0
                ? String.format(
                        Locale.ROOT,
                        "; nA, nB are effective sizes, the subgroups' n / deff with the poll's design effect deff = %.4f"
                                + " (variances and MoE grow by deff and sqrt(deff))",
                        deff)
                : "; nA, nB are the subgroups' n (no design effect known)";
        DifferenceTest test = evaluate(
                Comparison.SUBGROUP_DIFFERENCE,
                shareA,
                shareB,
                effectiveSize(subgroupA),
                effectiveSize(subgroupB),
                level,
                "difference between independent subgroups, two-sample z test: "
                        + "SE = sqrt(pA (1 - pA) / nA + pB (1 - pB) / nB); z = (pA - pB) / SE" + designText);
        if (deff > 1.0 && test.minimumSampleSizeForSignificance().isPresent()) {
            // The minimum is found for effective n; respondents needed are deff times as many.
            long respondents =
                    (long) Math.ceil(test.minimumSampleSizeForSignificance().getAsLong() * deff - 1e-9);
            return test.withMinimumSampleSize(respondents);
        }
        return test;
    }

    private DifferenceTest withMinimumSampleSize(long respondents) {
        return judged(
                pValue,
                significanceComputable,
                OptionalLong.of(respondents),
                verdict,
                formula + " (respondents: the minimum effective n times deff)",
                exactTest);
    }

    /** Whether the verdict is a significant one. */
    public boolean significant() {
        return verdict.significant();
    }

    private static DifferenceTest evaluate(
            Comparison comparison,
            double a,
            double b,
            OptionalDouble nA,
            OptionalDouble nB,
            ConfidenceLevel level,
            String testFormula) {
        Checks.notNull(level, "level");
        double difference = a - b;
        String formula = String.format(
                Locale.ROOT,
                "%s; MoE = z* * SE with z* = %s (%d%% two-sided); significant if |z| > z*",
                testFormula,
                level.z(),
                level.percent());
        if (nA.isEmpty() || nB.isEmpty()) {
            return new DifferenceTest(
                    comparison,
                    level,
                    a,
                    b,
                    difference,
                    nA,
                    nB,
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Optional.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    false,
                    minimumSampleSize(comparison, a, b, level),
                    Verdict.UNKNOWN_SAMPLE_SIZE,
                    formula + "; minimum n = smallest whole n with |z| > z*"
                            + (comparison == Comparison.LEAD ? "" : ", assuming equal n on both sides"),
                    false);
        }
        double standardError = Math.sqrt(variance(comparison, a, b, nA.getAsDouble(), nB.getAsDouble()));
        double z = zStatistic(difference, standardError);
        double marginOfError = level.z() * standardError;
        Interval interval =
                new Interval(Math.max(-1.0, difference - marginOfError), Math.min(1.0, difference + marginOfError));
        return new DifferenceTest(
                comparison,
                level,
                a,
                b,
                difference,
                nA,
                nB,
                OptionalDouble.of(standardError),
                OptionalDouble.of(marginOfError),
                Optional.of(interval),
                OptionalDouble.of(z),
                OptionalDouble.of(NormalDistribution.twoSidedPValue(z)),
                true,
                OptionalLong.empty(),
                comparison.verdict(Math.abs(z) > level.z()),
                formula,
                false);
    }

    /** Variance of {@code a - b}; for a lead both shares share one sample, so nA == nB. */
    private static double variance(Comparison comparison, double a, double b, double nA, double nB) {
        if (comparison == Comparison.LEAD) {
            double difference = a - b;
            // Non-negative whenever a + b <= 1; the max only absorbs rounding.
            return Math.max(0.0, a + b - difference * difference) / nA;
        }
        return a * (1.0 - a) / nA + b * (1.0 - b) / nB;
    }

    private static double zStatistic(double difference, double standardError) {
        if (standardError == 0.0) {
            // Degenerate (shares of 0 or 1): no sampling error, so any non-zero difference is certain.
            return difference == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / standardError;
    }

    /**
     * Smallest whole n with |z| > z_level, from {@code n > z^2 v / d^2} where v is the variance for n = 1;
     * then checked against the same z computation the test itself uses, so the two never disagree by rounding.
     */
    private static OptionalLong minimumSampleSize(Comparison comparison, double a, double b, ConfidenceLevel level) {
        double difference = a - b;
        if (difference == 0.0) {
            return OptionalLong.empty();
        }
        double unitVariance = variance(comparison, a, b, 1.0, 1.0);
        double bound = level.z() * level.z() * unitVariance / (difference * difference);
        long n = Math.max(1L, (long) Math.floor(bound) + 1L);
        while (!significantAt(comparison, a, b, n, level)) {
            n++;
        }
        while (n > 1 && significantAt(comparison, a, b, n - 1, level)) {
            n--;
        }
        return OptionalLong.of(n);
    }

    private static boolean significantAt(Comparison comparison, double a, double b, long n, ConfidenceLevel level) {
        if (comparison == Comparison.LEAD) {
            // The same test a poll of that size would get, the exact one for small n included.
            return lead(a, b, SampleDesign.ofSampleSize(n), level).significant();
        }
        return Math.abs(zStatistic(a - b, Math.sqrt(variance(comparison, a, b, n, n)))) > level.z();
    }

    private static OptionalDouble effectiveSize(SampleDesign design) {
        return design.effectiveSampleSize()
                .map(size -> OptionalDouble.of(size.value()))
                .orElseGet(OptionalDouble::empty);
    }
}
