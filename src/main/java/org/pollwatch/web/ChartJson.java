package org.pollwatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pollwatch.trends.TrendView;
import org.pollwatch.web.charts.DotGroups;

/**
 * The series chart's data for the browser chart, as JSON safe to place inside a {@code <script>}
 * element: every {@code <}, {@code >} and {@code &} is written as a \\u escape. Its size is bounded
 * whatever the number of polls: values to two decimals, and the dots of a large series grouped as
 * the server chart groups them ({@link DotGroups}, at most {@link #MAX_MARKS} marks), each mark with
 * its count {@code n}.
 */
final class ChartJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The plot the browser chart is about, in pixels, for the cells of grouped dots. */
    static final int PLOT_WIDTH = 900;

    static final int PLOT_HEIGHT = 320;

    /**
     * At most this many marks in the browser chart: half the server chart's, so that a page of a
     * large series stays under 300 KB with its scripts (the trend's daily points and the house
     * effects take the rest).
     */
    static final int MAX_MARKS = DotGroups.MAX_MARKS / 2;

    record Choice(
            String key,
            String label,
            List<String> dates,
            List<Double> estimate,
            List<Double> lower,
            List<Double> upper) {}

    /** A poll's value for a choice ({@code n} 1), or a group of {@code n} of them at their mean. */
    record Dot(String date, String choice, double value, int n, String tip) {}

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
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (TrendView.Point p : snapshot.trend().points()) {
            Choice choice = choices.get(p.choice());
            if (choice != null) {
                choice.dates().add(p.date().toString());
                choice.estimate().add(round(p.estimate()));
                choice.lower().add(round(p.lower()));
                choice.upper().add(round(p.upper()));
                low = Math.min(low, p.lower());
                high = Math.max(high, p.upper());
            }
        }
        List<Dot> dots = DotGroups.grouped(snapshot.dots().size())
                ? grouped(snapshot, new ArrayList<>(choices.keySet()), low, high)
                : separate(snapshot);
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

    private static List<Dot> separate(SeriesData.Snapshot snapshot) {
        List<Dot> dots = new ArrayList<>();
        for (SeriesData.Dot dot : snapshot.dots()) {
            for (Map.Entry<String, BigDecimal> share : dot.shares().entrySet()) {
                dots.add(new Dot(
                        dot.poll().fieldEnd().toString(),
                        share.getKey(),
                        share.getValue().doubleValue(),
                        1,
                        SeriesData.tooltip(snapshot, dot, share.getKey())));
            }
        }
        return dots;
    }

    /** The dots grouped on a plot of {@link #PLOT_WIDTH} by {@link #PLOT_HEIGHT} pixels over the data's span. */
    private static List<Dot> grouped(SeriesData.Snapshot snapshot, List<String> keys, double low, double high) {
        int n = 0;
        for (SeriesData.Dot dot : snapshot.dots()) {
            n += dot.shares().size();
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int[] choice = new int[n];
        List<String> names = new ArrayList<>(keys);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int i = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (SeriesData.Dot dot : snapshot.dots()) {
            long day = dot.poll().fieldEnd().toEpochDay();
            first = Math.min(first, day);
            last = Math.max(last, day);
            for (Map.Entry<String, BigDecimal> share : dot.shares().entrySet()) {
                Integer at = index.get(share.getKey());
                if (at == null) {
                    at = names.size();
                    names.add(share.getKey());
                    index.put(share.getKey(), at);
                }
                x[i] = day;
                y[i] = share.getValue().doubleValue();
                low = Math.min(low, y[i]);
                high = Math.max(high, y[i]);
                choice[i++] = at;
            }
        }
        double days = Math.max(1, last - first);
        double points = Math.max(5, high - low);
        List<Dot> dots = new ArrayList<>();
        StringBuilder tip = new StringBuilder(96);
        for (DotGroups.Group group :
                DotGroups.of(x, y, choice, n, PLOT_WIDTH / days, PLOT_HEIGHT / points, MAX_MARKS)) {
            String key = names.get(group.choice());
            dots.add(new Dot(
                    LocalDate.ofEpochDay(Math.round(group.x())).toString(),
                    key,
                    round(group.y()),
                    group.count(),
                    DotGroups.tooltip(tip, snapshot.label(key), group)));
        }
        return dots;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
