package org.pollwatch.stats;

/** Outcome of a {@link DifferenceTest}; each {@link Comparison} has its own wording. */
public enum Verdict {
    /** A lead larger than sampling error: p &lt; alpha. */
    LEAD(true),
    /** A lead within sampling error. */
    STATISTICAL_TIE(false),
    SIGNIFICANT_CHANGE(true),
    NO_SIGNIFICANT_CHANGE(false),
    SIGNIFICANT_DIFFERENCE(true),
    NO_SIGNIFICANT_DIFFERENCE(false),
    /** Neither n nor the margin of error is known, so significance cannot be assessed. */
    UNKNOWN_SAMPLE_SIZE(false);

    private final boolean significant;

    Verdict(boolean significant) {
        this.significant = significant;
    }

    /** Whether the difference was found statistically significant (false also when unknown). */
    public boolean significant() {
        return significant;
    }
}
