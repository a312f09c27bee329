package org.pollwatch.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.ReadCache;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.web.charts.Chart;
import org.pollwatch.web.charts.ChartOutput;
import org.pollwatch.web.charts.Theme;

/**
 * Rendered charts, cached by what they are drawn from (request and series generation, or poll
 * version), size, theme and format. The ETag is a fingerprint of the bytes, so a client revalidating
 * an unchanged chart gets 304; {@code Cache-Control: max-age=60} lets embeds in busy articles
 * skip even that for a minute.
 */
@ApplicationScoped
public class ChartResponses {

    public static final String SVG = "image/svg+xml";
    public static final String PNG = "image/png";

    record Key(String chart, Object request, int width, int height, Theme theme, String format, long generation) {

        /** A series' trend chart of {@code trend}, drawn from the series' data at {@code generation}. */
        static Key trend(Object trend, int width, int height, Theme theme, String format, long generation) {
            return new Key("trend", trend, width, height, theme, format, generation);
        }
    }

    /** The size of a chart whose request names none. */
    static final int DEFAULT_WIDTH = 640, DEFAULT_HEIGHT = 400;

    record Rendered(byte[] body, EntityTag tag) implements ReadCache.Weighed {
        @Override
        public long bytes() {
            return body.length;
        }
    }

    /** width, height and theme of a chart, and the format from the path. */
    public static class ChartParams {
        @Parameter(description = "Width in pixels, 200-2400 (default 640)", example = "640")
        @QueryParam("width")
        public String width;

        @Parameter(description = "Height in pixels, 200-2400 (default 400)", example = "400")
        @QueryParam("height")
        public String height;

        @Parameter(
                description = "light (default) or dark",
                example = "light",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"light", "dark"}))
        @QueryParam("theme")
        public String theme;

        @Parameter(
                description = "svg or png",
                example = "svg",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"svg", "png"}))
        @PathParam("format")
        public String format;

        int width() {
            return ChartOutput.size("width", width, DEFAULT_WIDTH);
        }

        int height() {
            return ChartOutput.size("height", height, DEFAULT_HEIGHT);
        }

        Theme theme() {
            return Theme.parse(theme);
        }

        String format() {
            return ChartResponses.format(format);
        }
    }

    /** Keys hold the series generation or the poll version they were drawn from. */
    private final ReadCache.Region cache;

    public ChartResponses(ReadCache reads) {
        this.cache = reads.byVersion("web-charts", 2000);
    }

    static String format(String format) {
        if (!"svg".equals(format) && !"png".equals(format)) {
            throw ProblemException.notFound("Charts are served as .svg or .png");
        }
        return format;
    }

    Response respond(Key key, Supplier<Chart> chart, Request request) {
        Rendered rendered = rendered(key, chart);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(rendered.tag());
        CacheControl control = new CacheControl();
        control.setMaxAge(60);
        if (unchanged != null) {
            return unchanged.cacheControl(control).build();
        }
        return Response.ok(rendered.body(), key.format().equals("svg") ? SVG + "; charset=UTF-8" : PNG)
                .tag(rendered.tag())
                .cacheControl(control)
                .build();
    }

    /** Draws the chart into the cache unless it is there, for the request that follows to find. */
    void prerender(Key key, Supplier<Chart> chart) {
        rendered(key, chart);
    }

    private Rendered rendered(Key key, Supplier<Chart> chart) {
        return cache.get(key, () -> {
            Chart drawn = chart.get();
            byte[] body = key.format().equals("svg")
                    ? ChartOutput.svg(drawn, key.width(), key.height(), key.theme())
                    : ChartOutput.png(drawn, key.width(), key.height(), key.theme());
            return new Rendered(
                    body,
                    HttpCaching.etag(key.format(), Fingerprint.start().add(body).hex()));
        });
    }
}
