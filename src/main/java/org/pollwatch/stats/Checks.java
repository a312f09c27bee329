package org.pollwatch.stats;

/** Argument validation shared by the package; messages name the offending argument. */
final class Checks {

    private Checks() {}

    /** A share (proportion) must be a finite number in [0, 1]. */
    static double share(double value, String name) {
        if (!Double.isFinite(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(
                    name + " must be a share between 0 and 1 (proportion, not percent), but was " + value);
        }
        return value;
    }

    /** A sample size must be finite and positive; fractional values are allowed for effective sizes. */
    static double sampleSize(double value, String name) {
        if (!Double.isFinite(value) || value <= 0.0) {
            throw new IllegalArgumentException(name + " must be a finite number greater than 0, but was " + value);
        }
        return value;
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
