package org.pollwatch.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.series.rest.NoSuchSeriesResponse;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.TrendRequest;

/** {@code GET /series/{key}/trend.svg} and {@code .png}: the poll average drawn on the server. */
@Path("/series/{key}/trend.{format: svg|png}")
@Tag(name = "Charts", description = "Server-rendered SVG and PNG charts of poll averages and poll questions")
public class TrendChartResource {

    private final SeriesData series;
    private final ChartResponses charts;

    public TrendChartResource(SeriesData series, ChartResponses charts) {
        this.series = series;
        this.charts = charts;
    }

    @GET
    @Produces({ChartResponses.SVG, ChartResponses.PNG})
    @Operation(
            operationId = "trendChart",
            summary = "The poll average as an SVG chart or PNG image",
            description = "Lines and uncertainty bands per choice, one dot per poll (with a tooltip), the last value "
                    + "labelled, a footer naming the pollsters; the SVG's <title> and <desc> carry an alt text "
                    + "generated from the data. Above 500 polls the dots are grouped, one mark per choice and "
                    + "cell of the plot (6 x 6 pixels, larger if needed to keep to 1,000 marks), its tooltip "
                    + "giving the number of polls, their dates and range; the <desc> says so. Takes the parameters of GET /series/{key}/trend plus width, height "
                    + "and theme. ETag of the bytes, 304 on If-None-Match, Cache-Control max-age=60.")
    @APIResponse(responseCode = "200", description = "The chart")
    @NotModifiedResponse
    @InvalidParameterResponse
    @NoSuchSeriesResponse
    public Response chart(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @BeanParam TrendParams params,
            @BeanParam ChartResponses.ChartParams chart,
            Request request) {
        TrendRequest trend = series.request(params, key);
        ChartResponses.Key cacheKey = ChartResponses.Key.trend(
                trend, chart.width(), chart.height(), chart.theme(), chart.format(), series.generation(trend.series()));
        return charts.respond(cacheKey, () -> SeriesData.chart(series.snapshot(trend)), request);
    }
}
