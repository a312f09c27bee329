package org.pollwatch.comparisons;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Change of one option from an earlier poll to a later one asking the same question. */
@Schema(
        name = "ChangeComparison",
        description =
                "Change of one option between two polls that asked the same question; shares and margins in points")
public record ChangeComparison(
        @Schema(description = "Option label as worded in the later poll", example = "Returning the hostages")
        String option,

        @Schema(example = "What should be the main goal of the war?")
        String question,

        @Schema(example = "95") int confidence,

        @Schema(description = "The later poll (the 'question' parameter)")
        PollShareView current,

        @Schema(description = "The earlier poll (the 'against' parameter)")
        PollShareView previous,

        @Schema(description = "current minus previous, in points", example = "6")
        double change,

        @Schema(nullable = true) Double marginOfError,
        @Schema(nullable = true) IntervalView interval,
        @Schema(nullable = true) Double z,
        @Schema(nullable = true) Double pValue,

        @Schema(
                enumeration = {"significant_change", "no_significant_change", "unknown_sample_size"},
                example = "significant_change")
        String verdict,

        @Schema(
                description =
                        "When a sample size is unknown: the smallest n, equal in both polls, at which this change would be significant",
                nullable = true)
        Long minimumSampleSizeForSignificance,

        String formula,
        String summary,
        List<String> notes) {}
