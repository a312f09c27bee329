package org.pollwatch.trends.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.problems.Problem;
import org.pollwatch.series.rest.NoSuchSeriesResponse;
import org.pollwatch.trends.HouseEffectsView;
import org.pollwatch.trends.TrendView;
import org.pollwatch.trends.config.TrendConfig;
import org.pollwatch.trends.service.ComputedTrend;
import org.pollwatch.trends.service.TrendService;

@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Series and trends",
        description = "Questions tracked across polls, their averages over time, house effects")
public class TrendResource {

    public static final String TEXT_CSV = "text/csv";

    private final TrendService trends;
    private final TrendConfig config;

    public TrendResource(TrendService trends, TrendConfig config) {
        this.trends = trends;
        this.config = config;
    }

    @GET
    @Path("/{key}/trend")
    @Operation(
            operationId = "getTrend",
            summary = "Poll average over time",
            description =
                    "One point per day per choice: the estimate and its band at the given confidence, "
                            + "with the ids of the polls that contributed. Defaults: method weighted_average, mode realtime (what readers would have seen each day; "
                            + "it never changes once a day has passed, and it is how published averages are computed), confidence 0.95, house effects adjusted. "
                            + "When one poll is reported for several populations, the series' population preference picks one (default: likely voters, "
                            + "registered voters, voters, adults). Retracted polls are left out, except in as-of answers for polls retracted after that day.")
    @APIResponse(
            responseCode = "200",
            description = "The trend",
            content =
                    @Content(
                            schema = @Schema(implementation = TrendView.class),
                            examples = @ExampleObject(name = "trend", value = TrendExamples.TREND)))
    @NotModifiedResponse
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "bad method", value = TrendExamples.INVALID_PARAMETER)))
    @NoSuchSeriesResponse
    public Response trend(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @BeanParam TrendParams params,
            @Context Request request) {
        // served pre-serialised from the cache: a warm request copies bytes
        ComputedTrend computed = compute(key, params);
        return HttpCaching.conditional(
                request, etag("trend", computed), computed.trendJson(), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/{key}/trend.csv")
    @Produces({TEXT_CSV, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "getTrendCsv",
            summary = "Poll average over time, as CSV",
            description = "The points of GET /series/{key}/trend with the same parameters, "
                    + "as CSV: date,choice,estimate,lower,upper (percent, two decimals), ordered by choice then date.")
    @APIResponse(
            responseCode = "200",
            description = "The trend points",
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = TrendExamples.TREND_CSV)))
    @NotModifiedResponse
    @InvalidParameterResponse
    @NoSuchSeriesResponse
    public Response trendCsv(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @BeanParam TrendParams params,
            @Context Request request) {
        ComputedTrend computed = compute(key, params);
        return Response.fromResponse(HttpCaching.conditional(
                        request, etag("trend-csv", computed), computed.trendCsv(), TEXT_CSV + "; charset=UTF-8"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + computed.trend().series() + "-trend.csv\"")
                .build();
    }

    @GET
    @Path("/{key}/house-effects")
    @Operation(
            operationId = "getHouseEffects",
            summary = "House effects of the pollsters",
            description = "Per pollster and choice: how far its polls sit from the average "
                    + "(mean residual), shrunk toward 0 for pollsters with few polls, with its standard error and number of polls. In realtime mode, "
                    + "as known on the last day. Takes the parameters of the trend.")
    @APIResponse(
            responseCode = "200",
            description = "The house effects",
            content =
                    @Content(
                            schema = @Schema(implementation = HouseEffectsView.class),
                            examples = @ExampleObject(name = "house effects", value = TrendExamples.HOUSE_EFFECTS)))
    @NotModifiedResponse
    @InvalidParameterResponse
    @NoSuchSeriesResponse
    public Response houseEffects(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @BeanParam TrendParams params,
            @Context Request request) {
        ComputedTrend computed = compute(key, params);
        return HttpCaching.conditional(request, etag("house-effects", computed), computed.houseEffects());
    }

    private ComputedTrend compute(String key, TrendParams params) {
        return trends.compute(params.toRequest(key, config));
    }

    /** A trend's ETag: its content's fingerprint, so a dashboard polling an unchanged average gets 304. */
    private static EntityTag etag(String representation, ComputedTrend computed) {
        return HttpCaching.etag(representation, computed.fingerprint());
    }
}
