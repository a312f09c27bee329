package org.pollwatch.polls;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.common.openapi.ChoiceKeyOrNull;

/**
 * A whole poll as pollsters submit it: pollster by slug, questions, options and subgroup results.
 * Field-level rules are annotations; rules across fields live in {@code PollRules}.
 */
@Schema(name = "PollDocument", description = "A poll as submitted: stored whole in one transaction or not at all")
public record PollDocument(
        @Schema(description = "Slug of a registered pollster", example = "israel-democracy-institute")
        @NotBlank
        @Size(max = 80)
        String pollster,

        @Schema(description = "Who paid for the poll, if not the pollster") @Size(max = 200)
        String sponsor,

        @Schema(example = "2024-01-01") @NotNull LocalDate fieldStart,
        @Schema(example = "2024-01-31") @NotNull LocalDate fieldEnd,

        @Schema(description = "Date the results were first published", example = "2024-02-06")
        LocalDate publishedOn,

        @NotNull Population population,

        @Schema(description = "Free description of the sample", example = "Israeli adults") @Size(max = 200)
        String populationDescription,

        @Schema(description = "ISO 3166-1 alpha-2 country code", example = "IL")
        @NotNull
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as IL or US")
        String country,

        @Schema(description = "Region or subdivision code, e.g. US-CA") @Size(max = 20)
        String region,

        SurveyMode mode,

        @Schema(description = "Respondents; leave out when the source does not give it", nullable = true) @Positive
        Integer sampleSize,

        @Schema(description = "Reported margin of error in points (95% confidence)", example = "3.5", nullable = true)
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("50")
        @Digits(integer = 2, fraction = 2)
        BigDecimal marginOfError,

        @Schema(description = "How results were weighted") @Size(max = 1000)
        String weighting,

        @Schema(description = "The firm that did the fieldwork, when the pollster did not", nullable = true)
        @Size(max = 200)
        String conductedBy,

        @Schema(
                description = "The list or source the sample was drawn from",
                example = "Israeli Voice Index panel, recruited by phone",
                nullable = true)
        @Size(max = 1000)
        String samplingFrame,

        @Schema(
                description = "How respondents were selected and recruited (probability or opt-in, quotas)",
                example = "Stratified random sample of the panel; quotas by sector, age and sex",
                nullable = true)
        @Size(max = 1000)
        String sampleDesign,

        @Schema(
                description = "Design effect the margin of error allows for (1 or more)",
                example = "1.3",
                nullable = true)
        @DecimalMin("1")
        @DecimalMax("20")
        @Digits(integer = 2, fraction = 2)
        BigDecimal designEffect,

        @Schema(description = "Whether the sponsor takes sides", nullable = true)
        Partisanship sponsorPartisanship,

        @Schema(example = "he, ar") @Size(max = 100) String language,

        @Schema(example = "https://www.idi.org.il/")
        @Size(max = 1000)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String sourceUrl,

        @Size(max = 2000) String notes,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid QuestionDocument> questions,

        @Schema(description = "Whether the poll is a daily (rolling) tracking poll", nullable = true)
        Boolean tracking) {

    @Schema(name = "QuestionDocument")
    public record QuestionDocument(
            @Schema(example = "What should be the main goal of the war?") @NotBlank @Size(max = 2000)
            String wording,

            @Schema(description = "Topic tags, lower case", example = "[\"israel-hamas-war\"]") @Size(max = 20)
            List<@NotBlank @Size(max = 60) String> topics,

            @Schema(description = "Whether respondents could pick several options (then shares may sum above 100)")
            Boolean multipleAnswers,

            @NotEmpty @Size(max = 100) List<@NotNull @Valid OptionDocument> options,
            @Size(max = 200) List<@NotNull @Valid SubgroupDocument> subgroups,

            @Schema(
                    description = "Key of a series this question joins, to count in its averages",
                    example = "biden-covid-approval",
                    nullable = true)
            @Size(max = 80)
            String series,

            @Schema(
                    description =
                            "Option label -> choice key of the series; null leaves an option out. Options not listed map to "
                                    + "the choice whose key or label equals their label (case-insensitive).",
                    nullable = true,
                    example = "{\"Returning the hostages\": \"hostages\", \"Don't know\": null}",
                    additionalProperties = ChoiceKeyOrNull.class)
            Map<@NotBlank String, String> seriesChoices) {}

    @Schema(name = "OptionDocument")
    public record OptionDocument(
            @Schema(example = "Returning the hostages") @NotBlank @Size(max = 300)
            String label,

            @Schema(description = "Share of the whole sample in percent, one decimal at most", example = "51")
            @NotNull
            @DecimalMin("0")
            @DecimalMax("100")
            @Digits(integer = 3, fraction = 1)
            BigDecimal percentage) {}

    @Schema(name = "SubgroupDocument")
    public record SubgroupDocument(
            @Schema(example = "sector") @NotBlank @Size(max = 100)
            String dimension,

            @Schema(example = "Arab Israelis") @NotBlank @Size(max = 200)
            String label,

            @Positive Integer sampleSize,

            @Schema(
                    description = "Percent per option label of the question",
                    example = "{\"Returning the hostages\": 69, \"Toppling Hamas\": 8}")
            @NotEmpty
            Map<
                            @NotBlank String,
                            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal>
                    percentages) {}
}
