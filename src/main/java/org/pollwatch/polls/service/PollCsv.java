package org.pollwatch.polls.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pollwatch.polls.PollSummary;

/**
 * Polls as CSV (RFC 4180), one row per poll, question and option of the whole sample. The columns
 * and their order are part of the API: new columns are only ever added at the end.
 */
public final class PollCsv {

    /** The header row. */
    public static final String HEADER = "poll_id,poll_version,status,pollster,pollster_name,sponsor,field_start,"
            + "field_end,published_on,population,country,mode,sample_size,margin_of_error,question_id,"
            + "question_wording,question_topics,option_position,option_label,percentage,updated_at";

    private PollCsv() {}

    /** An option of a question as the CSV lists it. */
    public record Option(int position, String label, BigDecimal percentage) {}

    /** The polls in the given order; {@code options} by question id, in position order. */
    public static byte[] write(List<PollSummary> polls, Map<Long, List<Option>> options) {
        StringBuilder csv =
                new StringBuilder(256 * (polls.size() + 1)).append(HEADER).append("\r\n");
        for (PollSummary poll : polls) {
            for (PollSummary.QuestionRef question : poll.questions()) {
                for (Option option : options.getOrDefault(question.id(), List.of())) {
                    csv.append(poll.id()).append(',').append(poll.version()).append(',');
                    field(csv, lowerCase(poll.status()));
                    field(csv, poll.pollster().slug());
                    field(csv, poll.pollster().name());
                    field(csv, poll.sponsor());
                    field(csv, poll.fieldStart());
                    field(csv, poll.fieldEnd());
                    field(csv, poll.publishedOn());
                    field(csv, lowerCase(poll.population()));
                    field(csv, poll.country());
                    field(csv, lowerCase(poll.mode()));
                    field(csv, poll.sampleSize());
                    field(csv, plain(poll.marginOfError()));
                    field(csv, question.id());
                    field(csv, question.wording());
                    field(csv, String.join(";", question.topics()));
                    field(csv, option.position());
                    field(csv, option.label());
                    field(csv, plain(option.percentage()));
                    csv.append(quoted(String.valueOf(poll.updatedAt()))).append("\r\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An enum constant as the JSON spells it. */
    private static String lowerCase(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** A decimal without exponent, as given. */
    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void field(StringBuilder csv, Object value) {
        csv.append(value == null ? "" : quoted(value.toString())).append(',');
    }

    /** Quotes a field that holds a separator, a quote or a line break; leaves others as they are. */
    static String quoted(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
