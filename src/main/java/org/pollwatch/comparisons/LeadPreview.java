package org.pollwatch.comparisons;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lead verdict one question of a poll not yet stored would get once published: the same figures as
 * {@link LeadComparison}, for the question's two largest options.
 */
@Schema(
        name = "LeadPreview",
        description =
                "Lead of the two largest options of one question of a submitted poll document, computed without storing it")
public record LeadPreview(
        @Schema(description = "Index of the question in the document, from 0", example = "0")
        int question,

        @Schema(example = "What should be the main goal of the war?")
        String wording,

        @Schema(nullable = true) ShareView a,
        @Schema(nullable = true) ShareView b,

        @Schema(description = "a minus b, in points", nullable = true)
        Double lead,

        @Schema(description = "Margin of error of the lead in points", nullable = true)
        Double marginOfError,

        @Schema(description = "Two-sided p-value", nullable = true)
        Double pValue,

        @Schema(
                enumeration = {"lead", "statistical_tie", "unknown_sample_size", "not_applicable"},
                example = "lead")
        String verdict,

        @Schema(nullable = true) Long minimumSampleSizeForSignificance,

        @Schema(description = "The sentence the poll page will show")
        String summary,

        List<String> notes) {}
