package org.pollwatch.series.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.PageView;
import org.pollwatch.common.Params;
import org.pollwatch.common.access.Roles;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.problems.Problem;
import org.pollwatch.series.SeriesChanges;
import org.pollwatch.series.SeriesDocument;
import org.pollwatch.series.SeriesPollView;
import org.pollwatch.series.SeriesQuestionDocument;
import org.pollwatch.series.SeriesQuestionView;
import org.pollwatch.series.SeriesView;
import org.pollwatch.series.service.SeriesService;

@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Series and trends",
        description = "Questions tracked across polls, their averages over time, house effects")
public class SeriesResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final SeriesService series;

    public SeriesResource(SeriesService series) {
        this.series = series;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createSeries",
            summary = "Create a series",
            description =
                    "A question tracked across polls and pollsters, with its canonical choices. "
                            + "Poll questions join it on submission (questions[].series) or later (POST /series/{key}/questions).")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "Biden COVID approval", value = SeriesExamples.SERIES)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", description = "Invalid series: the offending fields are listed")
    @APIResponse(responseCode = "409", description = "A series with this key exists")
    @RolesAllowed({Roles.ADMIN, Roles.POLLSTER})
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @APIResponse(responseCode = "403", description = "The key lacks the series scope")
    public Response create(@NotNull @Valid SeriesDocument document) {
        SeriesView created = series.create(document);
        return Response.created(URI.create("/series/" + created.key()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(
            operationId = "listSeries",
            summary = "List series",
            description = "All series, by key, with the number of poll questions in each.")
    @APIResponse(
            responseCode = "200",
            description = "The series",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SeriesView.class)))
    public List<SeriesView> list() {
        return series.list();
    }

    @GET
    @Path("/{key}")
    @Operation(operationId = "getSeries", summary = "Read a series")
    @APIResponse(
            responseCode = "200",
            description = "The series",
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such series",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = SeriesExamples.NOT_FOUND)))
    public SeriesView get(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key) {
        return series.get(key);
    }

    @PATCH
    @Path("/{key}")
    @Consumes({SeriesResource.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "updateSeries",
            summary = "Change a series",
            description = "Changes the title, the description or the population preference (JSON merge patch: "
                    + "fields left out are kept; an empty populationPreference returns to the default rule). "
                    + "A new preference changes which population version of a multi-population poll counts: "
                    + "every average of the series is recomputed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MERGE_PATCH,
                            schema = @Schema(implementation = SeriesChanges.class),
                            examples = @ExampleObject(name = "adults first", value = SeriesExamples.ADULTS_FIRST)))
    @APIResponse(
            responseCode = "200",
            description = "The series as changed",
            content = @Content(schema = @Schema(implementation = SeriesView.class)))
    @APIResponse(responseCode = "400", description = "A blank title, a population listed twice or an unknown one")
    @NoSuchSeriesResponse
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @APIResponse(
            responseCode = "403",
            description = "Not an administrator key: a series' averages belong to every pollster in it")
    public SeriesView update(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @NotNull @Valid SeriesChanges changes) {
        return series.update(key, changes);
    }

    @POST
    @Path("/{key}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addSeriesQuestion",
            summary = "Add a poll question to a series",
            description = "Joins a stored question to the series, mapping its option labels "
                    + "to the series' choices (options not listed map to the choice of the same key or label; null leaves an option out). "
                    + "Adding a member again replaces its mapping. Poll averages are recomputed.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "mapping", value = SeriesExamples.JOIN)))
    @APIResponse(
            responseCode = "200",
            description = "The membership",
            content = @Content(schema = @Schema(implementation = SeriesQuestionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown question, or an option that maps to no choice",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(name = "unmapped option", value = SeriesExamples.UNMAPPED_OPTION)))
    @NoSuchSeriesResponse
    @APIResponse(responseCode = "409", description = "The question belongs to another series")
    @RolesAllowed({Roles.ADMIN, Roles.POLLSTER})
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @APIResponse(
            responseCode = "403",
            description = "The question belongs to another pollster's poll, or the key lacks the series scope")
    public SeriesQuestionView addQuestion(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @NotNull @Valid SeriesQuestionDocument document) {
        return series.addQuestion(key, document);
    }

    @GET
    @Path("/{key}/polls")
    @Operation(
            operationId = "listSeriesPolls",
            summary = "Polls of a series",
            description =
                    "The polls whose questions are in the series, newest field end first, with their shares per choice. "
                            + "Retracted polls are left out unless asked for.")
    @APIResponse(
            responseCode = "200",
            description = "One page of polls",
            content = @Content(schema = @Schema(implementation = SeriesPollPage.class)))
    @InvalidParameterResponse
    @NoSuchSeriesResponse
    public PageView<SeriesPollView> polls(
            @Parameter(description = "Series key", example = "biden-covid-approval") @PathParam("key") String key,
            @Parameter(description = "Include retracted polls") @QueryParam("includeRetracted")
                    boolean includeRetracted,
            @Parameter(description = "Page number from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped at 100)", example = "20")
                    @QueryParam("size")
                    String size) {
        return series.polls(key, includeRetracted, Params.page(page), Params.pageSize(size));
    }

    /** Only for the OpenAPI document: a page of series polls. */
    @Schema(name = "SeriesPollPage")
    static final class SeriesPollPage {
        public List<SeriesPollView> items;
        public int page;
        public int size;
        public long total;
        public int totalPages;
    }
}
