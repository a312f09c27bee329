package org.pollwatch.comparisons;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One side of a subgroup comparison: an option's share within one subgroup, with the subgroup's own sample. */
@Schema(
        name = "SubgroupShare",
        description = "An option's share within one subgroup, with the subgroup's own sample size")
public record SubgroupShareView(
        @Schema(example = "Arab Israelis") String label,

        @Schema(description = "Share in percent", example = "69")
        double share,

        @Schema(nullable = true) Double marginOfError,
        @Schema(nullable = true) IntervalView wilsonInterval,
        SampleSizeView sample) {}
