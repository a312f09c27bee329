package org.pollwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pollwatch.trends.TrendView;

/**
 * The series chart's data for the browser chart, as JSON safe to place inside a {@code <script>}
 * element: every {@code <}, {@code >} and {@code &} is written as a \\u escape.
 */
final class ChartJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Choice(
            String key,
            String label,
            List<String> dates,
            List<Double> estimate,
            List<Double> lower,
            List<Double> upper) {}

    record Dot(String date, String choice, double value, String tip) {}

    record Data(List<Choice> choices, List<Dot> dots) {}

    private ChartJson() {}

    static String of(SeriesData.Snapshot snapshot) {
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (String key : snapshot.trend().choices()) {
            choices.put(
                    key,
                    new Choice(
                            key,
                            snapshot.label(key),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>()));
        }
        for (TrendView.Point p : snapshot.trend().points()) {
            Choice choice = choices.get(p.choice());
            if (choice != null) {
                choice.dates().add(p.date().toString());
                choice.estimate().add(p.estimate());
                choice.lower().add(p.lower());
                choice.upper().add(p.upper());
            }
        }
        List<Dot> dots = new ArrayList<>();
        for (SeriesData.Dot dot : snapshot.dots()) {
            for (Map.Entry<String, BigDecimal> share : dot.shares().entrySet()) {
                dots.add(new Dot(
                        dot.poll().fieldEnd().toString(),
                        share.getKey(),
                        share.getValue().doubleValue(),
                        SeriesData.tooltip(snapshot, dot, share.getKey())));
            }
        }
        try {
            return JSON.writeValueAsString(new Data(new ArrayList<>(choices.values()), dots))
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise the chart of " + snapshot.series().key(), e);
        }
    }
}
