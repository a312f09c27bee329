package org.pollwatch.comparisons;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.stats.ConfidenceLevel;
import org.pollwatch.stats.Proportions;
import org.pollwatch.stats.SampleDesign;

/** One share with its own sampling error, when the sample size is known. */
@Schema(
        name = "ShareWithError",
        description =
                "A share in points with its own margin of error and Wilson interval (null when the sample size is unknown)")
public record ShareView(
        @Schema(description = "Option label", example = "Returning the hostages")
        String label,

        @Schema(description = "Share in percent", example = "51")
        double share,

        @Schema(
                description = "Margin of error of this share in points: z * sqrt(p(1-p)/n_eff)",
                example = "3.1",
                nullable = true)
        Double marginOfError,

        @Schema(description = "Wilson score interval of this share in points", nullable = true)
        IntervalView wilsonInterval) {

    static ShareView of(String label, BigDecimal percentage, SampleDesign design, ConfidenceLevel level) {
        double share = Points.share(percentage);
        OptionalDouble margin = design.marginOfError(share, level);
        if (margin.isEmpty()) {
            return new ShareView(label, percentage.doubleValue(), null, null);
        }
        double n = design.effectiveSampleSize().orElseThrow().value();
        return new ShareView(
                label,
                percentage.doubleValue(),
                Points.of(margin.getAsDouble()),
                IntervalView.ofShares(Proportions.wilson(share, n, level)));
    }
}
