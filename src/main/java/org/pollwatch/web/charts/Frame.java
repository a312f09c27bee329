package org.pollwatch.web.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/** The parts every chart shares: background, title, subtitle and footer, and the plot area left for the data. */
final class Frame {

    static final String FONT = "DejaVu Sans";

    private Frame() {}

    /** Paints background, title, subtitle and footer; returns the plot area. */
    static Rectangle paint(
            Graphics2D g, int width, int height, Theme theme, String title, String subtitle, String footer) {
        g.setColor(theme.background);
        g.fillRect(0, 0, width, height);
        g.setColor(theme.text);
        g.setFont(new Font(FONT, Font.BOLD, 16));
        g.drawString(fit(g, title, width - 24), 12, 24);
        g.setColor(theme.mutedText);
        g.setFont(new Font(FONT, Font.PLAIN, 12));
        if (subtitle != null && !subtitle.isBlank()) {
            g.drawString(fit(g, subtitle, width - 24), 12, 42);
        }
        g.setFont(new Font(FONT, Font.PLAIN, 11));
        g.drawString(fit(g, footer, width - 24), 12, height - 8);
        g.setStroke(new BasicStroke(1f));
        return new Rectangle(12, 56, width - 24, height - 56 - 26);
    }

    /** The text cut with an ellipsis so that it fits {@code max} pixels. */
    static String fit(Graphics2D g, String text, int max) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= max) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
