package org.pollwatch.web;

import org.pollwatch.web.charts.ChartOutput;

/**
 * The embed kit's copy-paste code: an iframe of an /embed page plus the small script that lets the
 * host page follow the height the embed reports (Datawrapper's "datawrapper-height" message, so
 * pages that already carry Datawrapper's resizer need nothing more).
 */
public final class Embeds {

    /** Width and height an embed is offered at when the host does not ask for another. */
    public static final int DEFAULT_WIDTH = 640;

    public static final int DEFAULT_HEIGHT = 460;

    private Embeds() {}

    /** The code a host page pastes: {@code base} is the service's absolute URL, {@code path} the embed's. */
    public static String code(String base, String path, String title, int height) {
        return "<iframe src=\"" + ChartOutput.xml(base + path) + "\" title=\"" + ChartOutput.xml(title)
                + "\" width=\"100%\" height=\"" + height + "\" frameborder=\"0\" scrolling=\"no\" loading=\"lazy\">"
                + "</iframe><script async src=\"" + ChartOutput.xml(base) + "/static/embed-resizer.js\"></script>";
    }
}
