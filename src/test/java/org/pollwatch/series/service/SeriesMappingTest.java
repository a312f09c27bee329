package org.pollwatch.series.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.FieldError;
import org.pollwatch.series.Series;
import org.pollwatch.series.SeriesChoice;

/** How options map onto the choices of a series, and the population rule, without a database. */
class SeriesMappingTest {

    private final Series approval = series();

    @Test
    void optionsMapByKeyOrLabelIgnoringCase() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> map = SeriesMapping.map(approval, List.of("APPROVE", "Disapprove"), null, "", errors);
        assertEquals(List.of(), errors);
        assertEquals(Map.of("approve", "approve", "disapprove", "disapprove"), map);
    }

    @Test
    void anExplicitMapRenamesAnOptionAndNullLeavesOneOut() {
        Map<String, String> explicit = new HashMap<>();
        explicit.put("Strongly or somewhat approve", "approve");
        explicit.put("Not sure", null);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> map = SeriesMapping.map(
                approval, List.of("Strongly or somewhat approve", "Disapprove", "Not sure"), explicit, "", errors);
        assertEquals(List.of(), errors);
        assertEquals(Map.of("strongly or somewhat approve", "approve", "disapprove", "disapprove"), map);
    }

    @Test
    void anUnmappedOptionIsNamedWithThePathAndTheChoices() {
        List<FieldError> errors = new ArrayList<>();
        SeriesMapping.map(approval, List.of("Approve", "Not sure"), null, "questions[0].", errors);
        assertEquals(
                List.of(new FieldError(
                        "questions[0].options[1].label",
                        "option 'Not sure' matches no choice of series 'approval' (approve, disapprove); "
                                + "map it in seriesChoices, or to null to leave it out")),
                errors);
    }

    @Test
    void twoOptionsMayNotShareAChoice() {
        List<FieldError> errors = new ArrayList<>();
        SeriesMapping.map(approval, List.of("Approve", "Yes"), Map.of("Yes", "approve"), "", errors);
        assertEquals(
                List.of(new FieldError(
                        "seriesChoices[Yes]", "options 'Approve' and 'Yes' both map to choice 'approve'")),
                errors);
    }

    @Test
    void anExplicitMapNamesOnlyOptionsAndChoicesThatExist() {
        List<FieldError> errors = new ArrayList<>();
        SeriesMapping.map(
                approval, List.of("Approve", "Meh"), Map.of("Meh", "neutral", "Absent", "approve"), "", errors);
        assertEquals(
                List.of(
                        new FieldError("seriesChoices[Absent]", "names an option the question lacks"),
                        new FieldError(
                                "seriesChoices[Meh]",
                                "'neutral' is not a choice of series 'approval' (approve, disapprove)")),
                errors.stream().sorted((a, b) -> a.field().compareTo(b.field())).toList());
    }

    @Test
    void atLeastOneOptionMustMap() {
        Map<String, String> explicit = new HashMap<>();
        explicit.put("Approve", null);
        List<FieldError> errors = new ArrayList<>();
        SeriesMapping.map(approval, List.of("Approve"), explicit, "", errors);
        assertEquals(
                List.of(new FieldError(
                        "seriesChoices", "no option maps to a choice of series 'approval' (approve, disapprove)")),
                errors);
    }

    @Test
    void storedChoiceMapsAreReadBack() {
        assertEquals(Map.of("yes", "approve"), SeriesMapping.parse("{\"yes\": \"approve\"}"));
    }

    @Test
    void populationPreferenceDefaultsToLikelyVotersFirst() {
        assertEquals(SeriesMapping.DEFAULT_POPULATION_PREFERENCE, SeriesMapping.populationPreference(approval));
        approval.populationPreference = List.of("adults", "likely_voters");
        assertEquals(
                List.of(Population.ADULTS, Population.LIKELY_VOTERS), SeriesMapping.populationPreference(approval));
    }

    private static Series series() {
        Series series = new Series();
        series.seriesKey = "approval";
        series.choices.add(new SeriesChoice(1, "approve", "Approve"));
        series.choices.add(new SeriesChoice(2, "disapprove", "Disapprove"));
        return series;
    }
}
