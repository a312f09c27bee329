package org.pollwatch.series;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.polls.Population;

/** A stored series as the API serves it. */
@Schema(name = "Series")
public record SeriesView(
        String key,
        String title,
        String description,
        List<SeriesDocument.ChoiceDocument> choices,

        @Schema(description = "Population preference in effect, most preferred first")
        List<Population> populationPreference,

        @Schema(description = "Whether the preference is the default rule (not set on the series)")
        boolean defaultPopulationPreference,

        @Schema(description = "Poll questions in the series")
        long questions,

        OffsetDateTime createdAt) {}
