package org.pollwatch.stats;

/**
 * The sample size that sampling-error formulas should use for a poll, and how it was obtained.
 *
 * @param value        effective sample size {@code n / deff}; may be fractional
 * @param designEffect Kish design effect applied (1 when none could be identified, see {@link Basis})
 * @param basis        which reported figures the value rests on
 */
public record EffectiveSampleSize(double value, double designEffect, Basis basis) {

    /** Which reported figures an effective sample size rests on. */
    public enum Basis {
        /** Only n was reported: simple random sampling is assumed (deff = 1). */
        REPORTED_SIZE,
        /** n and the margin of error were reported: deff comes from their ratio, effective n = n / deff. */
        REPORTED_SIZE_AND_MARGIN,
        /** A subgroup's n was reported and the whole poll's design effect applied to it: n / deff. */
        REPORTED_SIZE_AND_POLL_DESIGN_EFFECT,
        /**
         * Only the margin of error was reported: n was derived from it. That n already includes any design
         * effect the pollster allowed for, so no further deff is applied.
         */
        DERIVED_FROM_MARGIN
    }

    public EffectiveSampleSize {
        Checks.sampleSize(value, "value");
        if (!Double.isFinite(designEffect) || designEffect < 1.0) {
            throw new IllegalArgumentException("designEffect must be a finite number >= 1, but was " + designEffect);
        }
        Checks.notNull(basis, "basis");
    }

    /** Whether the sample size was not reported but derived from the margin of error. */
    public boolean derived() {
        return basis == Basis.DERIVED_FROM_MARGIN;
    }
}
