package org.pollwatch.web.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.svg.SVGHints;

/**
 * A poll average over time: per choice a line with its uncertainty band, one dot per poll (grouped
 * by {@link DotGroups} above {@value DotGroups#SEPARATE_DOTS} polls), the last value labelled. The
 * alt text names each choice's last value and its change over 30 days, and the grouping rule when it
 * applies.
 */
public record TrendChart(
        String title,
        String subtitle,
        String footer,
        List<Choice> choices,
        List<Dot> dots,
        int polls,
        String description)
        implements Chart {

    /** One choice: its label and its daily points, oldest first. */
    public record Choice(String key, String label, List<Point> points) {}

    public record Point(LocalDate date, double estimate, double lower, double upper) {}

    /**
     * One poll's value for one choice; {@code tooltip} names pollster, dates and n (null when the
     * dots are grouped: the marks have tooltips of their own).
     */
    public record Dot(LocalDate date, String choice, double value, String tooltip) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The chart, with its alt text built from the data. */
    public static TrendChart of(
            String title, String subtitle, String footer, List<Choice> choices, List<Dot> dots, int polls) {
        return new TrendChart(title, subtitle, footer, choices, dots, polls, describe(title, choices, polls));
    }

    static String describe(String title, List<Choice> choices, int polls) {
        List<String> parts = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Choice choice : choices) {
            if (choice.points().isEmpty()) {
                continue;
            }
            Point end = choice.points().get(choice.points().size() - 1);
            first = first == null || choice.points().get(0).date().isBefore(first)
                    ? choice.points().get(0).date()
                    : first;
            last = last == null || end.date().isAfter(last) ? end.date() : last;
            Point before = pointOnOrBefore(choice.points(), end.date().minusDays(30));
            String part = choice.label() + " " + percent(end.estimate());
            if (before != null && !before.date().equals(end.date())) {
                double change = end.estimate() - before.estimate();
                part += Math.abs(change) < 0.05
                        ? ", unchanged since " + before.date()
                        : String.format(
                                Locale.ROOT,
                                ", %s %.1f points since %s",
                                change > 0 ? "up" : "down",
                                Math.abs(change),
                                before.date());
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            return title + ": no poll average yet (" + polls + " polls).";
        }
        return title + ": " + String.join("; ", parts) + " (poll average of " + polls + " polls, " + first + " to "
                + last + ")." + (DotGroups.grouped(polls) ? " " + DotGroups.RULE : "");
    }

    static Point pointOnOrBefore(List<Point> points, LocalDate day) {
        Point found = null;
        for (Point p : points) {
            if (p.date().isAfter(day)) {
                break;
            }
            found = p;
        }
        return found;
    }

    /**
     * Room right of the plot for the end labels ("Disapprove 44.6 %"): the widest of them, within 60 pixels
     * and 30 % of the chart's width, so a long answer does not lose its number on a wide chart nor squeeze
     * the plot on a narrow one.
     */
    private int endLabelSpace(FontMetrics metrics, int width) {
        int widest = 0;
        for (Choice choice : choices) {
            if (choice.points().isEmpty()) continue;
            Point last = choice.points().get(choice.points().size() - 1);
            widest = Math.max(widest, metrics.stringWidth(choice.label() + " " + percent(last.estimate())));
        }
        return Math.max(60, Math.min(widest + 8, width * 3 / 10));
    }

    /** The end label, number first when the whole of it does not fit: the number is what it is for. */
    static String endLabel(FontMetrics metrics, String label, double estimate, int space) {
        String text = label + " " + percent(estimate);
        return metrics.stringWidth(text) <= space - 4 ? text : percent(estimate) + " " + label;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    @Override
    public void paint(Graphics2D g, int width, int height, Theme theme) {
        Rectangle frame = Frame.paint(g, width, height, theme, title, subtitle, footer);
        Font labelFont = new Font(Frame.FONT, Font.BOLD, 12);
        int labelSpace = endLabelSpace(g.getFontMetrics(labelFont), width);
        Rectangle plot = new Rectangle(frame.x + 34, frame.y + 4, frame.width - 34 - labelSpace, frame.height - 26);
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Choice choice : choices) {
            for (Point p : choice.points()) {
                long day = p.date().toEpochDay();
                start = Math.min(start, day);
                end = Math.max(end, day);
                min = Math.min(min, p.lower());
                max = Math.max(max, p.upper());
            }
        }
        for (Dot dot : dots) {
            long day = dot.date().toEpochDay();
            start = Math.min(start, day);
            end = Math.max(end, day);
            min = Math.min(min, dot.value());
            max = Math.max(max, dot.value());
        }
        if (start == Long.MAX_VALUE) {
            g.setColor(theme.mutedText);
            g.setFont(new Font(Frame.FONT, Font.PLAIN, 13));
            g.drawString("No polls yet", plot.x, plot.y + plot.height / 2);
            return;
        }
        if (end <= start) {
            end = start + 1;
        }
        double low = Math.max(0, Math.floor((min - 2) / 5) * 5);
        double high = Math.min(100, Math.ceil((max + 2) / 5) * 5);
        if (high <= low) {
            high = low + 5;
        }
        Scale scale = new Scale(plot, start, end, low, high);
        axes(g, theme, plot, scale);

        Map<String, Integer> index = new LinkedHashMap<>();
        Color[] colours = new Color[choices.size() + 1];
        for (int i = 0; i < choices.size(); i++) {
            index.put(choices.get(i).key(), i);
            colours[i] = theme.colour(i);
        }
        // dots of a choice the trend does not have (none, normally) are drawn muted
        colours[choices.size()] = theme.mutedText;
        for (Choice choice : choices) {
            band(g, scale, choice, colours[index.get(choice.key())]);
        }
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "dots");
        if (DotGroups.grouped(polls)) {
            groupedDots(g, scale, index, colours);
        } else {
            separateDots(g, scale, index, colours);
        }
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "dots");
        g.setFont(labelFont);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Choice choice : choices) {
            if (choice.points().isEmpty()) {
                continue;
            }
            g.setColor(colours[index.get(choice.key())]);
            Path2D.Double line =
                    new Path2D.Double(Path2D.WIND_NON_ZERO, choice.points().size());
            boolean first = true;
            for (Point p : choice.points()) {
                if (first) {
                    line.moveTo(scale.x(p.date()), scale.y(p.estimate()));
                    first = false;
                } else {
                    line.lineTo(scale.x(p.date()), scale.y(p.estimate()));
                }
            }
            g.draw(line);
            Point last = choice.points().get(choice.points().size() - 1);
            g.drawString(
                    Frame.fit(
                            g,
                            endLabel(g.getFontMetrics(), choice.label(), last.estimate(), labelSpace),
                            labelSpace - 4),
                    (float) scale.x(last.date()) + 4,
                    (float) scale.y(last.estimate()) + 4);
        }
    }

    /** One dot per poll and choice, each in a group with its tooltip. */
    private void separateDots(Graphics2D g, Scale scale, Map<String, Integer> index, Color[] colours) {
        Color[] translucent = translucent(colours, 150);
        Ellipse2D.Double shape = new Ellipse2D.Double();
        int number = 0;
        for (Dot dot : dots) {
            g.setColor(translucent[index.getOrDefault(dot.choice(), colours.length - 1)]);
            // a group per dot, so that its <title> is a child of what it names: a tooltip in browsers
            String id = "dot-" + number++;
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
            if (dot.tooltip() != null) {
                g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, dot.tooltip());
            }
            shape.setFrame(scale.x(dot.date()) - 2.5, scale.y(dot.value()) - 2.5, 5, 5);
            g.fill(shape);
            g.setRenderingHint(SVGHints.KEY_END_GROUP, id);
        }
    }

    /** One mark per choice and cell ({@link DotGroups}), its tooltip the count, dates and range of its polls. */
    private void groupedDots(Graphics2D g, Scale scale, Map<String, Integer> index, Color[] colours) {
        int n = dots.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] choice = new int[n];
        for (int i = 0; i < n; i++) {
            Dot dot = dots.get(i);
            x[i] = dot.date().toEpochDay();
            y[i] = dot.value();
            choice[i] = index.getOrDefault(dot.choice(), colours.length - 1);
        }
        List<DotGroups.Group> groups = DotGroups.of(x, y, choice, n, scale.pixelsPerDay(), scale.pixelsPerPoint());
        Ellipse2D.Double shape = new Ellipse2D.Double();
        StringBuilder tip = new StringBuilder(96);
        int number = 0;
        for (DotGroups.Group group : groups) {
            Color colour = colours[group.choice()];
            g.setColor(withAlpha(colour, DotGroups.alpha(group.count())));
            String id = "dot-" + number++;
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
            String label = group.choice() < choices.size()
                    ? choices.get(group.choice()).label()
                    : "other";
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, DotGroups.tooltip(tip, label, group));
            double r = DotGroups.radius(group.count());
            shape.setFrame(scale.x(group.x()) - r, scale.y(group.y()) - r, 2 * r, 2 * r);
            g.fill(shape);
            g.setRenderingHint(SVGHints.KEY_END_GROUP, id);
        }
    }

    private static Color[] translucent(Color[] colours, int alpha) {
        Color[] out = new Color[colours.length];
        for (int i = 0; i < colours.length; i++) {
            out[i] = withAlpha(colours[i], alpha);
        }
        return out;
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    private static void band(Graphics2D g, Scale scale, Choice choice, Color colour) {
        if (choice.points().isEmpty()) {
            return;
        }
        List<Point> points = choice.points();
        Path2D.Double band = new Path2D.Double(Path2D.WIND_NON_ZERO, 2 * points.size() + 2);
        band.moveTo(scale.x(points.get(0).date()), scale.y(points.get(0).upper()));
        for (Point p : points) {
            band.lineTo(scale.x(p.date()), scale.y(p.upper()));
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            band.lineTo(scale.x(points.get(i).date()), scale.y(points.get(i).lower()));
        }
        band.closePath();
        g.setColor(withAlpha(colour, 60));
        g.setRenderingHint(SVGHints.KEY_ELEMENT_ID, "band-" + choice.key());
        g.fill(band);
    }

    private static void axes(Graphics2D g, Theme theme, Rectangle plot, Scale scale) {
        g.setFont(new Font(Frame.FONT, Font.PLAIN, 11));
        g.setStroke(new BasicStroke(1f));
        double step = scale.high - scale.low > 40 ? 10 : 5;
        for (double v = scale.low; v <= scale.high + 1e-9; v += step) {
            float y = (float) scale.y(v);
            g.setColor(theme.grid);
            g.draw(new Line2D.Double(plot.x, y, plot.x + plot.width, y));
            g.setColor(theme.mutedText);
            g.drawString(String.format(Locale.ROOT, "%.0f%%", v), plot.x - 32, y + 4);
        }
        LocalDate first = LocalDate.ofEpochDay(scale.start);
        LocalDate end = LocalDate.ofEpochDay(scale.end);
        long days = scale.end - scale.start;
        DateTimeFormatter format = days > 90 ? MONTH : DAY;
        // at most 6 date labels, and no more than fit side by side with a gap
        int labelWidth = g.getFontMetrics().stringWidth(format.format(end)) + 12;
        int most = Math.max(2, Math.min(6, plot.width / labelWidth));
        List<LocalDate> ticks = new ArrayList<>();
        if (days > 90) {
            long months = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), end.withDayOfMonth(1));
            long every = Math.max(1, (months + most - 1) / most);
            for (LocalDate d = first.withDayOfMonth(1).plusMonths(1); !d.isAfter(end); d = d.plusMonths(every)) {
                ticks.add(d);
            }
        } else {
            long every = Math.max(1, (days + most - 1) / most);
            for (LocalDate d = first; !d.isAfter(end); d = d.plusDays(every)) {
                ticks.add(d);
            }
        }
        for (LocalDate tick : ticks) {
            float x = (float) scale.x(tick);
            g.setColor(theme.grid);
            g.draw(new Line2D.Double(x, plot.y + plot.height, x, plot.y + plot.height + 4));
            g.setColor(theme.mutedText);
            g.drawString(format.format(tick), x - 18, plot.y + plot.height + 16);
        }
    }

    /** Days (epoch days) and percentages to pixels. */
    private record Scale(Rectangle plot, long start, long end, double low, double high) {
        double x(LocalDate date) {
            return x(date.toEpochDay());
        }

        double x(double epochDay) {
            return plot.x + pixelsPerDay() * (epochDay - start);
        }

        double y(double value) {
            return plot.y + plot.height * (high - value) / (high - low);
        }

        double pixelsPerDay() {
            return (double) plot.width / (end - start);
        }

        double pixelsPerPoint() {
            return plot.height / (high - low);
        }
    }
}
