package org.pollwatch.series;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.common.openapi.ChoiceKeyOrNull;

/** Adds an already stored poll question to a series. */
@Schema(name = "SeriesQuestionDocument")
public record SeriesQuestionDocument(
        @Schema(example = "101") @NotNull @Positive Long questionId,

        @Schema(
                description =
                        "Option label -> choice key; null leaves an option out. Options not listed map to the choice "
                                + "whose key or label equals their label (case-insensitive).",
                example = "{\"Strongly or somewhat approve\": \"approve\", \"Not sure\": null}",
                additionalProperties = ChoiceKeyOrNull.class)
        Map<@NotBlank String, String> seriesChoices) {}
