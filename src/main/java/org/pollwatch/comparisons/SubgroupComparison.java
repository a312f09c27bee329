package org.pollwatch.comparisons;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Difference of one option between two subgroups of one poll (e.g. Arab vs Jewish Israelis). */
@Schema(
        name = "SubgroupComparison",
        description = "Difference of one option between two subgroups of one poll; shares and margins in points")
public record SubgroupComparison(
        @Schema(example = "1") long pollId,
        @Schema(example = "1") long questionId,

        @Schema(example = "What should be the main goal of the war?")
        String question,

        @Schema(example = "sector") String dimension,
        @Schema(example = "Returning the hostages") String option,
        @Schema(example = "95") int confidence,
        SubgroupShareView a,
        SubgroupShareView b,

        @Schema(description = "a minus b, in points", example = "22")
        double difference,

        @Schema(nullable = true) Double marginOfError,
        @Schema(nullable = true) IntervalView interval,
        @Schema(nullable = true) Double z,
        @Schema(nullable = true) Double pValue,

        @Schema(
                enumeration = {"significant_difference", "no_significant_difference", "unknown_sample_size"},
                example = "significant_difference")
        String verdict,

        @Schema(
                description =
                        "When a subgroup size is unknown: the smallest n, equal in both subgroups, at which this difference would be significant",
                nullable = true)
        Long minimumSampleSizeForSignificance,

        String formula,
        String summary,
        List<String> notes) {}
