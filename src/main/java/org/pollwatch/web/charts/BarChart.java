package org.pollwatch.web.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The options of one question as horizontal bars, each with its margin of error when the sample size is known. */
public record BarChart(String title, String subtitle, String footer, List<Bar> bars, String description)
        implements Chart {

    /** One option; {@code margin} in points, null when the sample size is unknown. */
    public record Bar(String label, double percentage, Double margin) {}

    public static BarChart of(String title, String subtitle, String footer, List<Bar> bars, boolean retracted) {
        List<String> parts = new ArrayList<>();
        for (Bar bar : bars) {
            parts.add(bar.label() + " " + TrendChart.percent(bar.percentage())
                    + (bar.margin() == null ? "" : String.format(Locale.ROOT, " (±%.1f)", bar.margin())));
        }
        String description = (retracted ? "Retracted poll. " : "") + title + ": " + String.join(", ", parts)
                + (bars.stream().allMatch(b -> b.margin() == null) ? "; sample size not given." : ".");
        return new BarChart(title, subtitle, footer, bars, description);
    }

    @Override
    public void paint(Graphics2D g, int width, int height, Theme theme) {
        Rectangle frame = Frame.paint(g, width, height, theme, title, subtitle, footer);
        if (bars.isEmpty()) {
            return;
        }
        int labelWidth = Math.min(220, frame.width / 3);
        int valueWidth = 86;
        int barArea = frame.width - labelWidth - valueWidth;
        double rowHeight = Math.min(36, (double) frame.height / bars.size());
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, bar.percentage() + (bar.margin() == null ? 0 : bar.margin()));
        }
        max = Math.max(10, Math.ceil(max / 10) * 10);
        Font labelFont = new Font(Frame.FONT, Font.PLAIN, 12);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = frame.y + i * rowHeight;
            double barHeight = rowHeight * 0.6;
            double middle = top + rowHeight / 2;
            g.setFont(labelFont);
            g.setColor(theme.text);
            g.drawString(Frame.fit(g, bar.label(), labelWidth - 8), frame.x, (float) middle + 4);
            double x0 = frame.x + labelWidth;
            double length = barArea * bar.percentage() / max;
            g.setColor(theme.colour(i == 0 ? 0 : 1));
            g.fill(new Rectangle2D.Double(x0, middle - barHeight / 2, length, barHeight));
            if (bar.margin() != null) {
                double lo = x0 + barArea * Math.max(0, bar.percentage() - bar.margin()) / max;
                double hi = x0 + barArea * (bar.percentage() + bar.margin()) / max;
                g.setColor(theme.text);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(new Line2D.Double(lo, middle, hi, middle));
                g.draw(new Line2D.Double(lo, middle - 4, lo, middle + 4));
                g.draw(new Line2D.Double(hi, middle - 4, hi, middle + 4));
            }
            g.setColor(theme.text);
            g.setFont(new Font(Frame.FONT, Font.BOLD, 12));
            String value = TrendChart.percent(bar.percentage())
                    + (bar.margin() == null ? "" : String.format(Locale.ROOT, " ±%.1f", bar.margin()));
            g.drawString(value, (float) (x0 + barArea + 4), (float) middle + 4);
        }
    }
}
