package org.pollwatch.comparisons;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.pollwatch.stats.DifferenceTest;
import org.pollwatch.stats.EffectiveSampleSize;
import org.pollwatch.stats.SampleDesign;

/**
 * One-sentence, quotable summaries of comparisons. Numbers are rounded the way news copy rounds them:
 * shares and differences to at most one decimal, margins to one decimal, p-values to "p < 0.001" or
 * a few significant digits, respondents with thousands separators.
 */
public final class ComparisonSummaries {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Below this a design effect is rounding noise and not worth a clause. */
    private static final double NOTABLE_DESIGN_EFFECT = 1.005;

    private ComparisonSummaries() {}

    /** E.g. "'A' leads 'B' by 15 points (51% vs 36%); with 1,000 respondents the lead's margin of error is ±5.7 points ...". */
    public static String lead(
            String labelA, String labelB, double percentA, double percentB, DifferenceTest test, SampleDesign design) {
        double lead = percentA - percentB;
        String opening;
        if (rounded(lead).signum() == 0) {
            opening = quote(labelA) + " and " + quote(labelB) + " are level at " + percent(percentA);
        } else {
            String leader = lead > 0 ? labelA : labelB;
            String trailer = lead > 0 ? labelB : labelA;
            opening = quote(leader) + " leads " + quote(trailer) + " by " + points(Math.abs(lead)) + " ("
                    + percent(Math.max(percentA, percentB)) + " vs " + percent(Math.min(percentA, percentB)) + ")";
        }
        int level = test.level().percent();
        if (!test.significanceComputable()) {
            String reason = "; the source gives no sample size, so significance cannot be computed";
            return opening + reason
                    + test.minimumSampleSizeForSignificance().stream()
                            .mapToObj(n -> "; the lead would be significant at " + level + "% with at least " + whole(n)
                                    + " respondents")
                            .findFirst()
                            .orElse("")
                    + ".";
        }
        if (test.exactTest()) {
            return opening + "; with " + respondents(design)
                    + " the sample is too small for the margin-of-error formula, and an exact binomial test finds "
                    + (test.significant()
                            ? "the lead statistically significant"
                            : "no significant lead: a statistical tie")
                    + " at " + level + "% confidence (" + pValue(test.pValue().getAsDouble()) + ").";
        }
        String conclusion = test.significant()
                ? "so the lead is statistically significant"
                : "so the lead is within the margin of error: a statistical tie";
        return opening + "; with " + respondents(design) + " the lead's margin of error is ±"
                + oneDecimal(Points.of(test.marginOfError().getAsDouble())) + " points at " + level
                + "% confidence, " + conclusion + " (" + pValue(test.pValue().getAsDouble()) + ").";
    }

    /** E.g. "'A' rose from 45% to 51% (+6 points) between fieldwork ending 10 January 2024 and 25 January 2024; ...". */
    public static String change(
            String option,
            double previousPercent,
            LocalDate previousEnd,
            SampleDesign previous,
            double currentPercent,
            LocalDate currentEnd,
            SampleDesign current,
            DifferenceTest test) {
        double change = currentPercent - previousPercent;
        String movement;
        BigDecimal shown = rounded(change);
        if (shown.signum() == 0) {
            movement = "stayed at " + percent(currentPercent);
        } else {
            movement = (change > 0 ? "rose" : "fell") + " from " + percent(previousPercent) + " to "
                    + percent(currentPercent) + " (" + (change > 0 ? "+" : "-") + points(Math.abs(change)) + ")";
        }
        String opening = quote(option) + " " + movement + " between fieldwork ending " + DATE.format(previousEnd)
                + " and " + DATE.format(currentEnd);
        boolean previousUnknown = previous.effectiveSampleSize().isEmpty();
        boolean currentUnknown = current.effectiveSampleSize().isEmpty();
        String missing = previousUnknown && currentUnknown
                ? "neither poll gives a sample size"
                : previousUnknown ? "the earlier poll gives no sample size" : "the later poll gives no sample size";
        return opening + twoSampleConclusion(test, "change", "poll", missing, previous, current);
    }

    /** E.g. "69% of Arab Israelis chose 'A' vs 47% of Jewish Israelis, a 22-point difference; ...". */
    public static String subgroupDifference(
            String option,
            String labelA,
            double percentA,
            SampleDesign designA,
            String labelB,
            double percentB,
            SampleDesign designB,
            DifferenceTest test) {
        double difference = percentA - percentB;
        String opening = percent(percentA) + " of " + labelA + " chose " + quote(option) + " vs "
                + percent(percentB) + " of " + labelB
                + (rounded(difference).signum() == 0
                        ? ", no difference"
                        : ", a " + oneDecimalOrWhole(Math.abs(difference)) + "-point difference");
        boolean aUnknown = designA.effectiveSampleSize().isEmpty();
        boolean bUnknown = designB.effectiveSampleSize().isEmpty();
        String missing = aUnknown && bUnknown
                ? "the source gives no subgroup sample sizes"
                : "the source gives no sample size for " + (aUnknown ? labelA : labelB);
        return opening + twoSampleConclusion(test, "difference", "subgroup", missing, designA, designB);
    }

    /**
     * The second half of a change or subgroup sentence: the margin of error and verdict, or, when a
     * sample size is missing, why significance cannot be computed and the size that would make it.
     */
    private static String twoSampleConclusion(
            DifferenceTest test, String what, String sample, String missing, SampleDesign first, SampleDesign second) {
        int level = test.level().percent();
        if (!test.significanceComputable()) {
            return "; " + missing + ", so significance cannot be computed"
                    + test.minimumSampleSizeForSignificance().stream()
                            .mapToObj(n -> "; the " + what + " would be significant at " + level + "% with at least "
                                    + whole(n) + " respondents in each " + sample)
                            .findFirst()
                            .orElse("")
                    + ".";
        }
        String conclusion = test.significant()
                ? "so the " + what + " is statistically significant"
                : "so the " + what + " is within the margin of error";
        return "; with " + respondents(first) + " and " + respondents(second)
                + " the " + what + "'s margin of error is ±"
                + oneDecimal(Points.of(test.marginOfError().getAsDouble()))
                + " points at " + level + "% confidence, " + conclusion + " ("
                + pValue(test.pValue().getAsDouble()) + ").";
    }

    /** How many respondents stand behind the figures, saying so when a design effect or a derivation changed n. */
    static String respondents(SampleDesign design) {
        Optional<EffectiveSampleSize> effective = design.effectiveSampleSize();
        if (effective.isEmpty()) {
            return "an unknown number of respondents";
        }
        EffectiveSampleSize size = effective.get();
        return switch (size.basis()) {
            case REPORTED_SIZE -> whole(Math.round(design.sampleSize())) + " respondents";
            case REPORTED_SIZE_AND_MARGIN ->
                size.designEffect() < NOTABLE_DESIGN_EFFECT
                        ? whole(Math.round(design.sampleSize())) + " respondents"
                        : whole(Math.round(design.sampleSize())) + " respondents (an effective "
                                + whole(Math.round(size.value()))
                                + " after the design effect implied by the reported ±"
                                + oneDecimalOrWhole(Points.of(design.reportedMarginOfError())) + "-point margin)";
            case REPORTED_SIZE_AND_POLL_DESIGN_EFFECT ->
                size.designEffect() < NOTABLE_DESIGN_EFFECT
                        ? whole(Math.round(design.sampleSize())) + " respondents"
                        : whole(Math.round(design.sampleSize())) + " respondents (an effective "
                                + whole(Math.round(size.value()))
                                + " after the poll's design effect)";
            case DERIVED_FROM_MARGIN ->
                "about " + whole(Math.round(size.value()))
                        + " respondents (implied by the reported ±"
                        + oneDecimalOrWhole(Points.of(design.reportedMarginOfError())) + "-point margin)";
        };
    }

    static String pValue(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        // Three significant digits below 0.1 so a p just under 0.05 prints as "0.0499", not "0.05".
        BigDecimal value = p < 0.1
                ? new BigDecimal(p).round(new MathContext(3, RoundingMode.HALF_EVEN))
                : new BigDecimal(p).setScale(2, RoundingMode.HALF_EVEN);
        return "p = " + value.toPlainString();
    }

    private static String quote(String label) {
        return "'" + label + "'";
    }

    private static String percent(double value) {
        return oneDecimalOrWhole(value) + "%";
    }

    private static String points(double value) {
        String shown = oneDecimalOrWhole(value);
        return shown + (shown.equals("1") ? " point" : " points");
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static String oneDecimalOrWhole(double value) {
        return rounded(value).stripTrailingZeros().toPlainString();
    }

    private static String oneDecimal(double value) {
        return rounded(value).toPlainString();
    }

    private static String whole(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
    }
}
