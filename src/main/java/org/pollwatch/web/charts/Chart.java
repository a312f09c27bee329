package org.pollwatch.web.charts;

import java.awt.Graphics2D;

/** Something that draws itself with Java2D: the same drawing becomes SVG (JFreeSVG) or PNG (a raster image). */
public interface Chart {

    /** Short title, also the SVG {@code <title>}. */
    String title();

    /** The alt text, generated from the data, also the SVG {@code <desc>}. */
    String description();

    void paint(Graphics2D g, int width, int height, Theme theme);
}
