package org.pollwatch.comparisons;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One side of a change: an option's share in one poll, with that poll's sample. */
@Schema(name = "PollShare", description = "An option's share in one poll, with the poll's sample")
public record PollShareView(
        @Schema(example = "7") long pollId,
        @Schema(example = "7") long questionId,

        @Schema(description = "Pollster slug", example = "israel-democracy-institute")
        String pollster,

        @Schema(example = "2024-01-31") LocalDate fieldEnd,

        @Schema(description = "Share in percent", example = "51")
        double share,

        @Schema(description = "Margin of error of this share in points", nullable = true)
        Double marginOfError,

        @Schema(description = "Wilson score interval of this share in points", nullable = true)
        IntervalView wilsonInterval,

        SampleSizeView sample) {}
