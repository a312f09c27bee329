package org.pollwatch.series.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pollwatch.polls.Population;
import org.pollwatch.problems.FieldError;
import org.pollwatch.series.Series;
import org.pollwatch.series.SeriesChoice;

/**
 * How the options of a poll question map onto the choices of a series, and the population rule.
 *
 * <p>Mapping: an option listed in the explicit map goes to the choice named there (or nowhere, if
 * the value is null); any other option goes to the choice whose key or label equals its label,
 * case-insensitively. Every option must end up mapped or explicitly left out, each choice takes
 * at most one option, and at least one option must map.
 */
public final class SeriesMapping {

    /** Likely voters first, then registered voters, voters and adults: the default population rule. */
    public static final List<Population> DEFAULT_POPULATION_PREFERENCE =
            List.of(Population.LIKELY_VOTERS, Population.REGISTERED_VOTERS, Population.VOTERS, Population.ADULTS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeriesMapping() {}

    /** Key under which an option label is stored in a choice map. */
    public static String labelKey(String label) {
        return label.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The choice map (label key -> choice key) of a question with these option labels, or field errors
     * (prefixed by {@code path}, e.g. "questions[0].") appended to {@code errors}.
     */
    public static Map<String, String> map(
            Series series,
            List<String> optionLabels,
            Map<String, String> explicit,
            String path,
            List<FieldError> errors) {
        int before = errors.size();
        String choices = series.choices.stream().map(c -> c.key).collect(Collectors.joining(", "));
        Map<String, String> given = new HashMap<>();
        Map<String, String> givenRaw = new HashMap<>();
        if (explicit != null) {
            explicit.forEach((label, choice) -> {
                given.put(labelKey(label), choice);
                givenRaw.put(labelKey(label), label);
            });
            for (String label : explicit.keySet()) {
                if (optionLabels.stream().noneMatch(o -> labelKey(o).equals(labelKey(label)))) {
                    errors.add(new FieldError(
                            path + "seriesChoices[" + label + "]", "names an option the question lacks"));
                }
            }
        }
        Map<String, String> result = new HashMap<>();
        Map<String, String> takenBy = new HashMap<>();
        for (int i = 0; i < optionLabels.size(); i++) {
            String label = optionLabels.get(i);
            String key = labelKey(label);
            Optional<SeriesChoice> choice;
            String field;
            if (given.containsKey(key)) {
                String wanted = given.get(key);
                field = path + "seriesChoices[" + givenRaw.get(key) + "]";
                if (wanted == null || wanted.isBlank()) {
                    continue;
                }
                choice = series.choice(wanted);
                if (choice.isEmpty()) {
                    errors.add(new FieldError(
                            field,
                            "'" + wanted + "' is not a choice of series '" + series.seriesKey + "' (" + choices + ")"));
                    continue;
                }
            } else {
                field = path + "options[" + i + "].label";
                choice = series.choice(label);
                if (choice.isEmpty()) {
                    errors.add(new FieldError(
                            field,
                            "option '" + label + "' matches no choice of series '" + series.seriesKey + "' (" + choices
                                    + "); map it in seriesChoices, or to null to leave it out"));
                    continue;
                }
            }
            String previous = takenBy.putIfAbsent(choice.get().key, label);
            if (previous != null) {
                errors.add(new FieldError(
                        field,
                        "options '" + previous + "' and '" + label + "' both map to choice '" + choice.get().key
                                + "'"));
                continue;
            }
            result.put(key, choice.get().key);
        }
        if (errors.size() == before && result.isEmpty()) {
            errors.add(new FieldError(
                    path + "seriesChoices",
                    "no option maps to a choice of series '" + series.seriesKey + "' (" + choices + ")"));
        }
        return result;
    }

    /** A stored choice map (jsonb text). */
    public static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable series choice map: " + json, e);
        }
    }

    /** The population preference in effect for a series. */
    public static List<Population> populationPreference(Series series) {
        if (series.populationPreference == null || series.populationPreference.isEmpty()) {
            return DEFAULT_POPULATION_PREFERENCE;
        }
        List<Population> order = new ArrayList<>();
        for (String code : series.populationPreference) {
            order.add(Population.valueOf(code.toUpperCase(Locale.ROOT)));
        }
        return order;
    }
}
