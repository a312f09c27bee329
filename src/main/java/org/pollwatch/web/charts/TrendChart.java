package org.pollwatch.web.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
 * A poll average over time: per choice a line with its uncertainty band, one dot per poll, the last
 * value labelled. The alt text names each choice's last value and its change over 30 days.
 */
public record TrendChart(
        String title, String subtitle, String footer, List<Choice> choices, List<Dot> dots, String description)
        implements Chart {

    /** One choice: its label and its daily points, oldest first. */
    public record Choice(String key, String label, List<Point> points) {}

    public record Point(LocalDate date, double estimate, double lower, double upper) {}

    /** One poll's value for one choice; {@code tooltip} names pollster, dates and n. */
    public record Dot(LocalDate date, String choice, double value, String tooltip) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The chart, with its alt text built from the data. */
    public static TrendChart of(
            String title, String subtitle, String footer, List<Choice> choices, List<Dot> dots, int polls) {
        return new TrendChart(title, subtitle, footer, choices, dots, describe(title, choices, polls));
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
                + last + ").";
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

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    @Override
    public void paint(Graphics2D g, int width, int height, Theme theme) {
        Rectangle frame = Frame.paint(g, width, height, theme, title, subtitle, footer);
        Rectangle plot = new Rectangle(frame.x + 34, frame.y + 4, frame.width - 34 - 96, frame.height - 26);
        LocalDate start = null;
        LocalDate end = null;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Choice choice : choices) {
            for (Point p : choice.points()) {
                start = start == null || p.date().isBefore(start) ? p.date() : start;
                end = end == null || p.date().isAfter(end) ? p.date() : end;
                min = Math.min(min, p.lower());
                max = Math.max(max, p.upper());
            }
        }
        for (Dot dot : dots) {
            start = start == null || dot.date().isBefore(start) ? dot.date() : start;
            end = end == null || dot.date().isAfter(end) ? dot.date() : end;
            min = Math.min(min, dot.value());
            max = Math.max(max, dot.value());
        }
        if (start == null) {
            g.setColor(theme.mutedText);
            g.setFont(new Font(Frame.FONT, Font.PLAIN, 13));
            g.drawString("No polls yet", plot.x, plot.y + plot.height / 2);
            return;
        }
        if (!end.isAfter(start)) {
            end = start.plusDays(1);
        }
        double low = Math.max(0, Math.floor((min - 2) / 5) * 5);
        double high = Math.min(100, Math.ceil((max + 2) / 5) * 5);
        if (high <= low) {
            high = low + 5;
        }
        Scale scale = new Scale(plot, start, end, low, high);
        axes(g, theme, plot, scale);

        Map<String, Color> colours = new LinkedHashMap<>();
        for (int i = 0; i < choices.size(); i++) {
            colours.put(choices.get(i).key(), theme.colour(i));
        }
        for (Choice choice : choices) {
            band(g, scale, choice, colours.get(choice.key()));
        }
        g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, "dots");
        int index = 0;
        for (Dot dot : dots) {
            Color colour = colours.getOrDefault(dot.choice(), theme.mutedText);
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
            // a group per dot, so that its <title> is a child of what it names: a tooltip in browsers
            String id = "dot-" + index++;
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, dot.tooltip());
            g.fill(new Ellipse2D.Double(scale.x(dot.date()) - 2.5, scale.y(dot.value()) - 2.5, 5, 5));
            g.setRenderingHint(SVGHints.KEY_END_GROUP, id);
        }
        g.setRenderingHint(SVGHints.KEY_END_GROUP, "dots");
        g.setFont(new Font(Frame.FONT, Font.BOLD, 12));
        for (Choice choice : choices) {
            if (choice.points().isEmpty()) {
                continue;
            }
            Color colour = colours.get(choice.key());
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double line = new Path2D.Double();
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
                    Frame.fit(g, choice.label() + " " + percent(last.estimate()), 92),
                    (float) scale.x(last.date()) + 4,
                    (float) scale.y(last.estimate()) + 4);
        }
    }

    private static void band(Graphics2D g, Scale scale, Choice choice, Color colour) {
        if (choice.points().isEmpty()) {
            return;
        }
        Path2D.Double band = new Path2D.Double();
        List<Point> points = choice.points();
        band.moveTo(scale.x(points.get(0).date()), scale.y(points.get(0).upper()));
        for (Point p : points) {
            band.lineTo(scale.x(p.date()), scale.y(p.upper()));
        }
        for (int i = points.size() - 1; i >= 0; i--) {
            band.lineTo(scale.x(points.get(i).date()), scale.y(points.get(i).lower()));
        }
        band.closePath();
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
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
        long days = ChronoUnit.DAYS.between(scale.start, scale.end);
        List<LocalDate> ticks = new ArrayList<>();
        if (days > 90) {
            long months = ChronoUnit.MONTHS.between(scale.start.withDayOfMonth(1), scale.end.withDayOfMonth(1));
            long every = Math.max(1, (months + 5) / 6);
            for (LocalDate d = scale.start.withDayOfMonth(1).plusMonths(1);
                    !d.isAfter(scale.end);
                    d = d.plusMonths(every)) {
                ticks.add(d);
            }
        } else {
            long every = Math.max(1, (days + 5) / 6);
            for (LocalDate d = scale.start; !d.isAfter(scale.end); d = d.plusDays(every)) {
                ticks.add(d);
            }
        }
        for (LocalDate tick : ticks) {
            float x = (float) scale.x(tick);
            g.setColor(theme.grid);
            g.draw(new Line2D.Double(x, plot.y + plot.height, x, plot.y + plot.height + 4));
            g.setColor(theme.mutedText);
            g.drawString((days > 90 ? MONTH : DAY).format(tick), x - 18, plot.y + plot.height + 16);
        }
    }

    private record Scale(Rectangle plot, LocalDate start, LocalDate end, double low, double high) {
        double x(LocalDate date) {
            double span = ChronoUnit.DAYS.between(start, end);
            return plot.x + plot.width * ChronoUnit.DAYS.between(start, date) / span;
        }

        double y(double value) {
            return plot.y + plot.height * (high - value) / (high - low);
        }
    }
}
