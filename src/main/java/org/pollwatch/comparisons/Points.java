package org.pollwatch.comparisons;

import java.math.BigDecimal;

/** Conversions between stored percentages, proportions (what the statistics use) and points (what the API serves). */
final class Points {

    private Points() {}

    /** 51.0 percent -> 0.51, exactly as the decimal would be written, without a binary detour through 51.0 / 100. */
    static double share(BigDecimal percentage) {
        return percentage.movePointLeft(2).doubleValue();
    }

    static double of(double share) {
        return share * 100.0;
    }

    /** JSON has no Infinity or NaN: such a value is served as null, and the response says why in its notes. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
