package org.pollwatch.trends;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.polls.Population;

/** The poll average of a series: one point per day per choice, with its band, and what went into it. */
@Schema(name = "Trend")
public record TrendView(
        @Schema(example = "biden-covid-approval") String series,
        String title,

        @Schema(description = "weighted_average, loess or kalman", example = "weighted_average")
        String method,

        @Schema(
                description = "realtime (each day uses only polls available by then) or hindsight (all polls)",
                example = "realtime")
        String mode,

        @Schema(description = "Two-sided level of the band around each estimate", example = "0.95")
        double confidence,

        @Schema(description = "Whether pollsters' house effects were subtracted before averaging")
        boolean adjustHouseEffects,

        @Schema(description = "Answer as of the end of this day (UTC), or null for now", nullable = true)
        LocalDate asOf,

        @Schema(nullable = true) LocalDate from,
        @Schema(nullable = true) LocalDate to,

        @Schema(description = "Only polls of these populations (empty: all)")
        List<Population> populations,

        @Schema(description = "Pollsters left out, by slug") List<String> excludedPollsters,

        @Schema(
                description = "Only polls with at least this disclosure score counted (null: all)",
                nullable = true,
                example = "50")
        Integer minDisclosure,

        @Schema(description = "Which population version of a poll reported for several counts, most preferred first")
        List<Population> populationPreference,

        @Schema(
                description = "Parameters not given in the request, for which the defaults above were used",
                example = "[\"method\", \"mode\", \"confidence\", \"adjust-house-effects\"]")
        List<String> defaultsUsed,

        List<String> choices,
        List<Point> points,

        @Schema(description = "Ids of the polls that contributed to at least one point")
        List<Long> polls) {

    @Schema(name = "TrendPoint")
    public record Point(
            @Schema(example = "2021-03-01") LocalDate date,
            @Schema(example = "approve") String choice,

            @Schema(description = "Average, percent", example = "61.42")
            double estimate,

            @Schema(
                    description = "Lower end of the band: where the average itself lies, at the stated confidence"
                            + " (sampling and non-sampling error, house-effect uncertainty, drift since fieldwork)",
                    example = "59.1")
            double lower,

            @Schema(description = "Upper end of the band", example = "63.74")
            double upper,

            @Schema(description = "Number of polls effectively behind the estimate", example = "6.3")
            double effectivePolls,

            @Schema(
                    description = "Lower end of the prediction range: where a new poll published the next day is"
                            + " expected to fall, at the stated confidence (wider than the band: a single poll"
                            + " also has its own sampling error, non-sampling error and house effect). In realtime"
                            + " its width is a conformal quantile of how far earlier polls fell from the average of"
                            + " the day before them, its level adapting after each poll so that about 5 % (at 95 %)"
                            + " fall outside",
                    example = "55.2",
                    nullable = true)
            Double predictionLower,

            @Schema(description = "Upper end of the prediction range", example = "67.6", nullable = true)
            Double predictionUpper) {}
}
