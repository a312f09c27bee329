package org.pollwatch.series;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question's membership in a series. */
@Schema(name = "SeriesQuestion")
public record SeriesQuestionView(
        @Schema(example = "biden-covid-approval") String series,
        long questionId,
        long pollId,
        String wording,

        @Schema(
                description = "Option label -> choice key, for the options that count",
                example = "{\"Approve\": \"approve\", \"Disapprove\": \"disapprove\"}")
        Map<String, String> choices) {}
