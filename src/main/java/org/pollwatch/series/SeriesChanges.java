package org.pollwatch.series;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.polls.Population;

/** What PATCH /series/{key} may change; a field left out (or null) keeps its value. */
@Schema(
        name = "SeriesChanges",
        description = "Changes to a series (JSON merge patch, RFC 7396): fields left out or null are kept. "
                + "The key and the choices cannot change, as poll questions are mapped to them.")
public record SeriesChanges(
        @Schema(example = "Biden approval on the coronavirus response", nullable = true)
        @Size(max = 300)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String title,

        @Schema(description = "New description; an empty string removes it", nullable = true) @Size(max = 2000)
        String description,

        @Schema(
                description =
                        "Which population version of a multi-population poll counts, most preferred first; "
                                + "an empty list returns to the default rule (likely voters, registered voters, voters, adults)",
                example = "[\"adults\", \"registered_voters\", \"likely_voters\", \"voters\"]",
                nullable = true)
        @Size(max = 5)
        List<@NotNull Population> populationPreference) {}
