package org.pollwatch.polls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored poll as the API serves it. */
@Schema(name = "Poll")
public record PollView(
        long id,
        PollsterRef pollster,
        String sponsor,
        LocalDate fieldStart,
        LocalDate fieldEnd,
        LocalDate publishedOn,
        Population population,
        String populationDescription,
        String country,
        String region,
        SurveyMode mode,

        @Schema(nullable = true, description = "Null when the source does not give it")
        Integer sampleSize,

        @Schema(nullable = true) BigDecimal marginOfError,
        String weighting,
        @Schema(nullable = true) String conductedBy,
        @Schema(nullable = true) String samplingFrame,
        @Schema(nullable = true) String sampleDesign,
        @Schema(nullable = true) BigDecimal designEffect,
        @Schema(nullable = true) Partisanship sponsorPartisanship,
        String language,
        String sourceUrl,
        String notes,

        @Schema(description = "Whether the poll is a daily (rolling) tracking poll")
        boolean tracking,

        PollStatus status,
        @Schema(nullable = true) Retraction retraction,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<QuestionView> questions,

        @Schema(nullable = true, description = "Null only in revisions recorded before disclosure was scored")
        DisclosureView disclosure) {

    @Schema(name = "PollsterRef")
    public record PollsterRef(String slug, String name) {}

    @Schema(name = "Retraction")
    public record Retraction(
            String reason,
            OffsetDateTime retractedAt,

            @Schema(description = "Who retracted it: the API key as the audit log names it", example = "bootstrap")
            String retractedBy) {}

    @Schema(name = "Question")
    public record QuestionView(
            long id,
            int position,
            String wording,
            List<String> topics,
            boolean multipleAnswers,
            List<OptionView> options,
            List<SubgroupView> subgroups) {}

    @Schema(name = "Option")
    public record OptionView(long id, int position, String label, BigDecimal percentage) {}

    @Schema(name = "Subgroup")
    public record SubgroupView(
            long id,
            String dimension,
            String label,
            Integer sampleSize,

            @Schema(description = "Percent per option label")
            Map<String, BigDecimal> percentages) {}
}
