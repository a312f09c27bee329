package org.pollwatch.stats;

/**
 * A closed confidence interval {@code [lower, upper]}, in proportion units (or differences of proportions).
 *
 * @param lower lower bound, not greater than {@code upper}
 * @param upper upper bound
 */
public record Interval(double lower, double upper) {

    public Interval {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(
                    "Interval bounds must be finite, but were [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("Interval lower bound " + lower + " exceeds upper bound " + upper);
        }
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
