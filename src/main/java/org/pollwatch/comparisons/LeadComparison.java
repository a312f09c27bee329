package org.pollwatch.comparisons;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lead of option a over option b of one question in one poll. Shares, lead and margins are in points. */
@Schema(
        name = "LeadComparison",
        description = "Lead of option a over option b within one poll; all shares and margins in percentage points")
public record LeadComparison(
        @Schema(example = "1") long pollId,
        @Schema(example = "1") long questionId,

        @Schema(example = "What should be the main goal of the war?")
        String question,

        @Schema(description = "Confidence level in percent", example = "95")
        int confidence,

        ShareView a,
        ShareView b,

        @Schema(description = "a minus b, in points", example = "15")
        double lead,

        @Schema(
                description = "Margin of error of the lead in points; null when the sample size is unknown",
                nullable = true)
        Double marginOfError,

        @Schema(
                description = "Confidence interval of the lead in points; null when the sample size is unknown",
                nullable = true)
        IntervalView interval,

        @Schema(
                description = "z statistic; null when the sample size is unknown, or unbounded (see notes)",
                nullable = true)
        Double z,

        @Schema(description = "Two-sided p-value; null when the sample size is unknown", nullable = true)
        Double pValue,

        @Schema(
                enumeration = {"lead", "statistical_tie", "unknown_sample_size"},
                example = "lead")
        String verdict,

        @Schema(
                description = "When the sample size is unknown: the smallest n at which this lead would be significant",
                example = "145",
                nullable = true)
        Long minimumSampleSizeForSignificance,

        SampleSizeView sample,
        @Schema(description = "The formula used") String formula,

        @Schema(description = "One sentence a journalist could quote")
        String summary,

        @Schema(description = "Caveats about this comparison, e.g. why a value is null")
        List<String> notes) {}
