package org.pollwatch.polls.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.pollwatch.common.InputLimits;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollDocument.OptionDocument;
import org.pollwatch.polls.PollDocument.QuestionDocument;
import org.pollwatch.polls.PollDocument.SubgroupDocument;
import org.pollwatch.problems.FieldError;

/** Rules that span several fields of a poll document (single fields are checked by Bean Validation). */
public final class PollRules {

    /** Published shares are rounded; a single-answer question may sum to 101 but not more. */
    public static final BigDecimal MAX_SINGLE_ANSWER_TOTAL = new BigDecimal("101");

    private PollRules() {}

    /** Whether the shares of a single-answer question may sum to {@code total}. */
    public static boolean singleAnswerTotalAllowed(BigDecimal total) {
        return total.compareTo(MAX_SINGLE_ANSWER_TOTAL) <= 0;
    }

    public static List<FieldError> check(PollDocument poll) {
        List<FieldError> errors = new ArrayList<>();
        if (poll.fieldEnd().isBefore(poll.fieldStart())) {
            errors.add(new FieldError("fieldEnd", "must not be before fieldStart (" + poll.fieldStart() + ")"));
        }
        if (poll.publishedOn() != null && poll.publishedOn().isBefore(poll.fieldStart())) {
            errors.add(new FieldError("publishedOn", "must not be before fieldStart (" + poll.fieldStart() + ")"));
        }
        for (int q = 0; q < poll.questions().size(); q++) {
            checkQuestion("questions[" + q + "]", poll.questions().get(q), errors);
        }
        long results = poll.questions().stream().mapToLong(PollRules::results).sum();
        if (results > InputLimits.MAX_POLL_RESULTS) {
            errors.add(new FieldError(
                    "questions",
                    "hold " + results + " results (options and subgroup shares); one poll may hold at most "
                            + InputLimits.MAX_POLL_RESULTS + ": submit very large releases as several polls"));
        }
        return errors;
    }

    private static long results(QuestionDocument question) {
        long shares = question.subgroups() == null
                ? 0
                : question.subgroups().stream()
                        .mapToLong(s -> s.percentages().size())
                        .sum();
        return question.options().size() + shares;
    }

    private static void checkQuestion(String path, QuestionDocument question, List<FieldError> errors) {
        Set<String> labels = new HashSet<>();
        for (int o = 0; o < question.options().size(); o++) {
            if (!labels.add(question.options().get(o).label().trim().toLowerCase())) {
                errors.add(new FieldError(path + ".options[" + o + "].label", "duplicates another option's label"));
            }
        }
        boolean singleAnswer = !Boolean.TRUE.equals(question.multipleAnswers());
        if (singleAnswer) {
            checkSingleAnswerTotal(
                    question.options().stream().map(OptionDocument::percentage), path + ".options", errors);
        }
        if (question.subgroups() == null) {
            return;
        }
        Set<String> subgroupKeys = new HashSet<>();
        for (int s = 0; s < question.subgroups().size(); s++) {
            SubgroupDocument subgroup = question.subgroups().get(s);
            String subgroupPath = path + ".subgroups[" + s + "]";
            if (!subgroupKeys.add(subgroup.dimension().trim().toLowerCase() + "\u0000"
                    + subgroup.label().trim().toLowerCase())) {
                errors.add(new FieldError(
                        subgroupPath + ".label",
                        "duplicates another subgroup of dimension '" + subgroup.dimension() + "'"));
            }
            for (String option : subgroup.percentages().keySet()) {
                if (!labels.contains(option.trim().toLowerCase())) {
                    errors.add(new FieldError(
                            subgroupPath + ".percentages[" + option + "]", "names an option the question lacks"));
                }
            }
            if (singleAnswer) {
                checkSingleAnswerTotal(subgroup.percentages().values().stream(), subgroupPath + ".percentages", errors);
            }
        }
    }

    /** The shares of a single-answer question (or of one of its subgroups) may not sum above the cap. */
    private static void checkSingleAnswerTotal(Stream<BigDecimal> shares, String field, List<FieldError> errors) {
        BigDecimal total = shares.reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!singleAnswerTotalAllowed(total)) {
            errors.add(new FieldError(
                    field,
                    "percentages of a single-answer question sum to "
                            + total.stripTrailingZeros().toPlainString()
                            + ", more than 100 (1 point of rounding allowed)"));
        }
    }
}
