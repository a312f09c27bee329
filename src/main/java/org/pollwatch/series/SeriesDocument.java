package org.pollwatch.series;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.polls.Population;

/** A series as created: a key, a title and its canonical choices. */
@Schema(name = "SeriesDocument", description = "A question tracked across polls and pollsters")
public record SeriesDocument(
        @Schema(example = "biden-covid-approval")
        @NotBlank
        @Size(max = 80)
        @Pattern(
                regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lower-case letters and digits separated by single hyphens")
        String key,

        @Schema(example = "Biden approval on the coronavirus response") @NotBlank @Size(max = 300)
        String title,

        @Size(max = 2000) String description,

        @Schema(description = "Canonical answers, in display order") @NotEmpty @Size(max = 20)
        List<@NotNull @Valid ChoiceDocument> choices,

        @Schema(
                description =
                        "When one poll is reported for several populations, which one counts, most preferred first. "
                                + "Leave out for the default rule: likely voters, registered voters, voters, adults.",
                example = "[\"adults\", \"registered_voters\", \"likely_voters\", \"voters\"]")
        @Size(max = 5)
        List<@NotNull Population> populationPreference) {

    @Schema(name = "SeriesChoice")
    public record ChoiceDocument(
            @Schema(example = "approve")
            @NotBlank
            @Size(max = 80)
            @Pattern(
                    regexp = "[a-z0-9]+([-_][a-z0-9]+)*",
                    message = "must be lower-case letters and digits separated by single hyphens or underscores")
            String key,

            @Schema(example = "Approve") @NotBlank @Size(max = 200)
            String label) {}
}
