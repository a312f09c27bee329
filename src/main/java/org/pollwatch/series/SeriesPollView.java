package org.pollwatch.series;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;

/** A poll of a series, with its shares per choice of the series. */
@Schema(name = "SeriesPoll")
public record SeriesPollView(
        long pollId,
        long questionId,
        PollView.PollsterRef pollster,
        LocalDate fieldStart,
        LocalDate fieldEnd,
        LocalDate publishedOn,

        @Schema(description = "First day the poll counts in a real-time average: publication, else field end")
        LocalDate availableFrom,

        Population population,
        @Schema(nullable = true) Integer sampleSize,
        boolean tracking,
        PollStatus status,

        @Schema(description = "Percent per choice key", example = "{\"approve\": 53, \"disapprove\": 41}")
        Map<String, BigDecimal> shares) {}
