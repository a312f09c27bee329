package org.pollwatch.stats;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Two-sided confidence levels offered by the service, each with its standard-normal quantile
 * {@code z = Phi^-1(1 - alpha/2)}, where {@code alpha = 1 - level}.
 *
 * <p>The quantiles are the exact double-precision values of the inverse normal CDF (as tabulated in
 * e.g. Abramowitz &amp; Stegun 1964, table 26.5, and reproduced by any high-precision library), not
 * the rounded textbook values such as 1.96.
 */
public enum ConfidenceLevel {
    LEVEL_80(80, 1.2815515655446004),
    LEVEL_90(90, 1.6448536269514722),
    LEVEL_95(95, 1.959963984540054),
    LEVEL_99(99, 2.5758293035489004);

    /** The level used when a caller does not choose one; also the pollsters' convention for reported margins. */
    public static final ConfidenceLevel DEFAULT = LEVEL_95;

    private final int percent;
    private final double z;

    ConfidenceLevel(int percent, double z) {
        this.percent = percent;
        this.z = z;
    }

    /** Looks a level up by its percentage (80, 90, 95 or 99). */
    public static ConfidenceLevel ofPercent(int percent) {
        for (ConfidenceLevel level : values()) {
            if (level.percent == percent) {
                return level;
            }
        }
        String supported = Arrays.stream(values())
                .map(level -> Integer.toString(level.percent))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unsupported confidence level " + percent + "%; supported levels are " + supported);
    }

    /** The level in percent, e.g. 95. */
    public int percent() {
        return percent;
    }

    /** The two-sided standard-normal critical value {@code Phi^-1(1 - alpha/2)}, e.g. 1.959963984540054 for 95%. */
    public double z() {
        return z;
    }

    /** The significance threshold {@code alpha = 1 - level}, e.g. 0.05 for 95%. */
    public double alpha() {
        // Computed from the integer so 95% gives exactly 0.05 rather than 1 - 0.95.
        return (100 - percent) / 100.0;
    }
}
