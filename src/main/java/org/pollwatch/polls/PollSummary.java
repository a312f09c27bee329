package org.pollwatch.polls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A poll in a list: its facts and its questions' wordings, without results. */
@Schema(name = "PollSummary")
public record PollSummary(
        long id,
        PollView.PollsterRef pollster,
        String sponsor,
        LocalDate fieldStart,
        LocalDate fieldEnd,
        LocalDate publishedOn,
        Population population,
        String country,
        SurveyMode mode,
        Integer sampleSize,
        BigDecimal marginOfError,
        PollStatus status,

        @Schema(description = "Raised by every revision; the ETag of GET /polls/{id} carries it", example = "0")
        int version,

        @Schema(description = "When the poll was last submitted, revised or retracted")
        OffsetDateTime updatedAt,

        @Schema(description = "Disclosure score: percentage of the disclosure items the poll gives", example = "67")
        int disclosureScore,

        List<QuestionRef> questions) {

    @Schema(name = "QuestionRef")
    public record QuestionRef(long id, String wording, List<String> topics) {}
}
