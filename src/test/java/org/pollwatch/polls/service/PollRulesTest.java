package org.pollwatch.polls.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollDocument.OptionDocument;
import org.pollwatch.polls.PollDocument.QuestionDocument;
import org.pollwatch.polls.PollDocument.SubgroupDocument;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.FieldError;

/** The cross-field rules of a poll document, without the service around them. */
class PollRulesTest {

    private static final LocalDate START = LocalDate.of(2024, 2, 10);
    private static final LocalDate END = LocalDate.of(2024, 2, 12);

    @Test
    void aConsistentPollBreaksNoRule() {
        assertEquals(List.of(), PollRules.check(poll(START, END, null, question(false, List.of(), "56", "33", "11"))));
    }

    @Test
    void fieldEndAndPublicationMayNotPrecedeFieldStart() {
        List<FieldError> errors =
                PollRules.check(poll(END, START, START.minusDays(5), question(false, List.of(), "50", "50")));
        assertEquals(
                List.of(
                        new FieldError("fieldEnd", "must not be before fieldStart (2024-02-12)"),
                        new FieldError("publishedOn", "must not be before fieldStart (2024-02-12)")),
                errors);
    }

    @Test
    void singleAnswerSharesMaySumTo101ButNotMore() {
        assertEquals(List.of(), PollRules.check(poll(START, END, null, question(false, List.of(), "51", "50"))));
        assertEquals(
                List.of(
                        new FieldError(
                                "questions[0].options",
                                "percentages of a single-answer question sum to 101.5, more than 100 (1 point of rounding allowed)")),
                PollRules.check(poll(START, END, null, question(false, List.of(), "51.5", "50"))));
        assertTrue(PollRules.singleAnswerTotalAllowed(new BigDecimal("101.0")));
        assertFalse(PollRules.singleAnswerTotalAllowed(new BigDecimal("101.1")));
    }

    @Test
    void multipleAnswerSharesMaySumAbove100() {
        assertEquals(List.of(), PollRules.check(poll(START, END, null, question(true, List.of(), "70", "60"))));
    }

    @Test
    void optionLabelsAreUniqueIgnoringCaseAndSpaces() {
        QuestionDocument question = new QuestionDocument(
                "Wording?", List.of(), false, List.of(option("Yes", "40"), option(" yes ", "40")), null, null, null);
        assertEquals(
                List.of(new FieldError("questions[0].options[1].label", "duplicates another option's label")),
                PollRules.check(poll(START, END, null, question)));
    }

    @Test
    void subgroupsNameOnlyTheQuestionsOptionsOnceEachAndSumTo101AtMost() {
        SubgroupDocument arabs = new SubgroupDocument(
                "sector", "Arab", 300, Map.of("Option 1", new BigDecimal("60"), "Option 9", new BigDecimal("50")));
        SubgroupDocument arabsAgain =
                new SubgroupDocument("Sector", "arab ", null, Map.of("Option 1", new BigDecimal("20")));
        List<FieldError> errors =
                PollRules.check(poll(START, END, null, question(false, List.of(arabs, arabsAgain), "60", "40")));
        assertEquals(
                List.of(
                        new FieldError(
                                "questions[0].subgroups[0].percentages",
                                "percentages of a single-answer question sum to 110, more than 100 (1 point of rounding allowed)"),
                        new FieldError(
                                "questions[0].subgroups[0].percentages[Option 9]",
                                "names an option the question lacks"),
                        new FieldError(
                                "questions[0].subgroups[1].label",
                                "duplicates another subgroup of dimension 'Sector'")),
                errors.stream().sorted((a, b) -> a.field().compareTo(b.field())).toList());
    }

    private static PollDocument poll(
            LocalDate fieldStart, LocalDate fieldEnd, LocalDate publishedOn, QuestionDocument question) {
        return new PollDocument(
                "example-research",
                null,
                fieldStart,
                fieldEnd,
                publishedOn,
                Population.ADULTS,
                "Adults",
                "IL",
                null,
                null,
                1000,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(question),
                false);
    }

    private static QuestionDocument question(
            boolean multipleAnswers, List<SubgroupDocument> subgroups, String... shares) {
        List<OptionDocument> options = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            options.add(option("Option " + (i + 1), shares[i]));
        }
        return new QuestionDocument("Wording?", List.of(), multipleAnswers, options, subgroups, null, null);
    }

    private static OptionDocument option(String label, String share) {
        return new OptionDocument(label, new BigDecimal(share));
    }
}
