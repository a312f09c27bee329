package org.pollwatch.comparisons;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.stats.Interval;

/** A confidence interval in percentage points. */
@Schema(name = "PointsInterval", description = "Confidence interval in percentage points")
public record IntervalView(
        @Schema(example = "9.3") double lower,
        @Schema(example = "20.7") double upper) {

    static IntervalView ofShares(Interval interval) {
        return new IntervalView(Points.of(interval.lower()), Points.of(interval.upper()));
    }
}
