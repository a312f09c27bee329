package org.pollwatch.web.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.pollwatch.problems.ProblemException;

/** Renders a {@link Chart} as a standalone SVG document or as a PNG image. */
public final class ChartOutput {

    public static final int MIN_SIZE = 200;
    public static final int MAX_SIZE = 2400;

    private ChartOutput() {}

    /** A standalone SVG with a viewBox (so it scales), {@code role="img"}, {@code <title>} and {@code <desc>}. */
    public static byte[] svg(Chart chart, int width, int height, Theme theme) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // coordinates to a tenth of a pixel: JFreeSVG writes every digit of a double by default
        g.setGeomDoubleConverter(ChartOutput::tenths);
        hints(g);
        chart.paint(g, width, height, theme);
        String element = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        int open = element.indexOf('>') + 1;
        String accessible = element.substring(0, open - 1)
                + " role=\"img\" aria-labelledby=\"chart-title chart-desc\">"
                + "<title id=\"chart-title\">" + xml(chart.title()) + "</title>"
                + "<desc id=\"chart-desc\">" + xml(chart.description()) + "</desc>"
                + element.substring(open);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + accessible).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png(Chart chart, int width, int height, Theme theme) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            hints(g);
            chart.paint(g, width, height, theme);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code value} to one decimal, the ".0" left out: "12.3", "12", "-0.5". */
    static String tenths(double value) {
        return appendTenths(new StringBuilder(12), value, false).toString();
    }

    /**
     * {@code value} rounded to one decimal, appended to {@code out} without a Formatter: "12.3", and
     * "12.0" or "12" for a whole number as {@code zeroDecimal} says. A value that is not finite is 0.
     */
    static StringBuilder appendTenths(StringBuilder out, double value, boolean zeroDecimal) {
        long tenths = Double.isFinite(value) ? Math.round(value * 10) : 0;
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        if (zeroDecimal || tenths % 10 != 0) {
            out.append('.').append(tenths % 10);
        }
        return out;
    }

    /** A {@code width} or {@code height} parameter, in pixels. */
    public static int size(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int size;
        try {
            size = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number of pixels, not '" + value + "'");
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw ProblemException.invalidField(name, "must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels");
        }
        return size;
    }

    /** The text escaped for XML and HTML content and attribute values; control characters dropped. */
    public static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
