package org.pollwatch.stats;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a poll report says about its sample. Either figure may be missing, as news reports often omit them.
 *
 * <p>Pollsters conventionally report the margin of error for a share of 50% at 95% confidence, and many
 * already inflate it for weighting and clustering. Comparing it with the simple-random-sampling margin for
 * the reported n therefore reveals the design effect (Kish 1965).
 *
 * @param sampleSize            reported number of respondents n, or {@code null} if not reported
 * @param reportedMarginOfError reported 95% margin of error at p = 0.5 in proportion units (0.031 for
 *                              ±3.1 points), or {@code null} if not reported
 * @param inheritedDesignEffect design effect taken over from the whole poll (for a subgroup, whose own margin
 *                              is rarely reported), or {@code null}; when set it is the design effect used
 */
public record SampleDesign(Double sampleSize, Double reportedMarginOfError, Double inheritedDesignEffect) {

    /** Confidence level at which reported margins of error are assumed to be stated. */
    public static final ConfidenceLevel REPORTED_MARGIN_LEVEL = ConfidenceLevel.LEVEL_95;

    public SampleDesign {
        if (sampleSize != null) {
            Checks.sampleSize(sampleSize, "sampleSize");
        }
        if (reportedMarginOfError != null && !(reportedMarginOfError > 0.0 && reportedMarginOfError < 1.0)) {
            throw new IllegalArgumentException("reportedMarginOfError must be in proportion units, greater than 0"
                    + " and less than 1 (0.031 for ±3.1 points), but was " + reportedMarginOfError);
        }
        if (inheritedDesignEffect != null
                && !(inheritedDesignEffect >= 1.0 && Double.isFinite(inheritedDesignEffect))) {
            throw new IllegalArgumentException(
                    "inheritedDesignEffect must be a finite number >= 1, but was " + inheritedDesignEffect);
        }
    }

    /** A poll as reported: n and margin of error, either possibly missing. */
    public SampleDesign(Double sampleSize, Double reportedMarginOfError) {
        this(sampleSize, reportedMarginOfError, null);
    }

    /**
     * A subgroup of a poll: its own n (or none), with the whole poll's design effect when the poll's n and
     * margin reveal one. Weighting inflates a subgroup's variance at least as much as the whole sample's
     * (Kish 1965, §11.7), so the poll's deff is the usual, conservative choice for its subgroups.
     */
    public static SampleDesign subgroupOf(Double subgroupSize, SampleDesign poll) {
        Checks.notNull(poll, "poll");
        OptionalDouble deff = poll.designEffect();
        return new SampleDesign(subgroupSize, null, deff.isPresent() ? deff.getAsDouble() : null);
    }

    /** A poll for which only n is known. */
    public static SampleDesign ofSampleSize(double sampleSize) {
        return new SampleDesign(sampleSize, null);
    }

    /** A poll for which neither n nor the margin of error is known. */
    public static SampleDesign unknown() {
        return new SampleDesign(null, null);
    }

    /**
     * Kish design effect {@code deff = max(1, (reportedMoE / srsMoE)^2)}, where srsMoE is the simple random
     * sampling margin {@code z95 * sqrt(0.25 / n)} (L. Kish, <i>Survey Sampling</i>, Wiley 1965: deff is the
     * ratio of the actual variance to the SRS variance for the same n). A reported margin below the SRS one
     * is taken as rounding, not as a design better than SRS, hence the floor of 1.
     *
     * @return the design effect, or empty unless both n and the margin of error are known
     */
    public OptionalDouble designEffect() {
        if (inheritedDesignEffect != null) {
            return OptionalDouble.of(inheritedDesignEffect);
        }
        if (sampleSize == null || reportedMarginOfError == null) {
            return OptionalDouble.empty();
        }
        double srsMargin = Proportions.marginOfError(0.5, sampleSize, REPORTED_MARGIN_LEVEL);
        double ratio = reportedMarginOfError / srsMargin;
        return OptionalDouble.of(Math.max(1.0, ratio * ratio));
    }

    /**
     * The sample size to use in variance formulas:
     * <ul>
     *   <li>n and MoE known: {@code n / deff} (Kish 1965 effective sample size);</li>
     *   <li>n and an inherited deff known (a subgroup): {@code n / deff};</li>
     *   <li>only n known: n (simple random sampling assumed);</li>
     *   <li>only MoE known: {@code n = z95^2 * 0.25 / MoE^2}, the inverse of the p = 0.5 margin formula,
     *       flagged as {@link EffectiveSampleSize.Basis#DERIVED_FROM_MARGIN};</li>
     *   <li>neither known: empty, since any number would be invented precision.</li>
     * </ul>
     */
    public Optional<EffectiveSampleSize> effectiveSampleSize() {
        if (sampleSize != null) {
            OptionalDouble deff = designEffect();
            if (deff.isEmpty()) {
                return Optional.of(new EffectiveSampleSize(sampleSize, 1.0, EffectiveSampleSize.Basis.REPORTED_SIZE));
            }
            return Optional.of(new EffectiveSampleSize(
                    sampleSize / deff.getAsDouble(),
                    deff.getAsDouble(),
                    inheritedDesignEffect != null
                            ? EffectiveSampleSize.Basis.REPORTED_SIZE_AND_POLL_DESIGN_EFFECT
                            : EffectiveSampleSize.Basis.REPORTED_SIZE_AND_MARGIN));
        }
        if (reportedMarginOfError != null) {
            double z = REPORTED_MARGIN_LEVEL.z();
            double derived = z * z * 0.25 / (reportedMarginOfError * reportedMarginOfError);
            return Optional.of(new EffectiveSampleSize(derived, 1.0, EffectiveSampleSize.Basis.DERIVED_FROM_MARGIN));
        }
        return Optional.empty();
    }

    /**
     * Margin of error of a share p for this poll, {@code z * sqrt(p (1 - p) / n_eff)} with the effective
     * sample size (see {@link Proportions#marginOfError}). At p = 0.5 and 95% this gives back the reported
     * margin whenever one was reported and is at least the SRS margin.
     *
     * @return the margin, or empty when the effective sample size is unknown
     */
    public OptionalDouble marginOfError(double p, ConfidenceLevel level) {
        Checks.share(p, "p");
        Checks.notNull(level, "level");
        Optional<EffectiveSampleSize> effective = effectiveSampleSize();
        return effective.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(Proportions.marginOfError(p, effective.get().value(), level));
    }
}
