package org.pollwatch.problems;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending field of a request, by its JSON path (e.g. {@code questions[0].options[1].percentage}). */
@Schema(description = "A field of the request that was rejected, and why")
public record FieldError(
        @Schema(example = "questions[0].options[1].percentage")
        String field,

        @Schema(example = "must be less than or equal to 100")
        String message) {}
