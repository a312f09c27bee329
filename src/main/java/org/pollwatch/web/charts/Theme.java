package org.pollwatch.web.charts;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.pollwatch.problems.ProblemException;

/**
 * Colours of a chart. The series colours are the Okabe-Ito palette (distinguishable with the common
 * colour-vision deficiencies); text and background pairs meet WCAG AA contrast (at least 4.5:1).
 */
public enum Theme {
    LIGHT(
            new Color(0xFFFFFF),
            new Color(0x1A1A1A),
            new Color(0x555555),
            new Color(0xE0E0E0),
            List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7))),
    DARK(
            new Color(0x121212),
            new Color(0xF0F0F0),
            new Color(0xB8B8B8),
            new Color(0x3A3A3A),
            List.of(new Color(0x56B4E9), new Color(0xE69F00), new Color(0x2FD3A0), new Color(0xF0A8D0)));

    final Color background;
    final Color text;
    final Color mutedText;
    final Color grid;
    private final List<Color> palette;

    Theme(Color background, Color text, Color mutedText, Color grid, List<Color> palette) {
        this.background = background;
        this.text = text;
        this.mutedText = mutedText;
        this.grid = grid;
        this.palette = palette;
    }

    Color colour(int index) {
        return palette.get(index % palette.size());
    }

    /** The {@code theme} query parameter: light (default) or dark. */
    public static Theme parse(String value) {
        if (value == null || value.isBlank()) {
            return LIGHT;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "light" -> LIGHT;
            case "dark" -> DARK;
            default -> throw ProblemException.invalidField("theme", "must be light or dark, not '" + value + "'");
        };
    }
}
