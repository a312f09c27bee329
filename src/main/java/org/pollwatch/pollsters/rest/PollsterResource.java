package org.pollwatch.pollsters.rest;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.PageView;
import org.pollwatch.common.Params;
import org.pollwatch.common.Tagged;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.service.PollQuery;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.pollsters.PollsterDocument;
import org.pollwatch.pollsters.PollsterService;
import org.pollwatch.problems.Problem;

@Path("/pollsters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pollsters", description = "Organisations that conduct polls")
public class PollsterResource {

    private final PollsterService pollsters;
    private final PollService polls;

    public PollsterResource(PollsterService pollsters, PollService polls) {
        this.pollsters = pollsters;
        this.polls = polls;
    }

    @GET
    @Operation(summary = "List pollsters", description = "All registered pollsters, by name.")
    @APIResponse(
            responseCode = "200",
            description = "Pollsters",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PollsterDocument.class)))
    public List<PollsterDocument> list() {
        return pollsters.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a pollster")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = PollsterDocument.class),
                            examples =
                                    @ExampleObject(
                                            name = "IDI",
                                            value =
                                                    "{\"slug\": \"israel-democracy-institute\", \"name\": \"Israel Democracy Institute\", \"website\": \"https://en.idi.org.il\", \"country\": \"IL\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = PollsterDocument.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid pollster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The slug is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "Body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid PollsterDocument document) {
        PollsterDocument registered = pollsters.register(document);
        return Response.created(URI.create("/pollsters/" + registered.slug()))
                .entity(registered)
                .build();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Read a pollster")
    @APIResponse(
            responseCode = "200",
            description = "The pollster",
            content = @Content(schema = @Schema(implementation = PollsterDocument.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(
            responseCode = "404",
            description = "No such pollster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(example = "israel-democracy-institute") @PathParam("slug") String slug,
            @Context Request request) {
        PollsterDocument pollster = pollsters.get(slug);
        return HttpCaching.conditional(request, etag(pollster), pollster);
    }

    @GET
    @Path("/{slug}/polls")
    @Transactional
    @Operation(
            summary = "Polls of a pollster",
            description = "Newest first by default; same sorting and paging as GET /polls.")
    @APIResponse(responseCode = "200", description = "One page of polls")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(
            responseCode = "404",
            description = "No such pollster",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response polls(
            @Parameter(example = "israel-democracy-institute") @PathParam("slug") String slug,
            @QueryParam("includeRetracted") boolean includeRetracted,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context Request request) {
        PollsterService.find(slug);
        Tagged<PageView<PollSummary>> found = polls.searchTagged(new PollQuery(
                slug,
                null,
                null,
                null,
                null,
                null,
                null,
                includeRetracted,
                sort,
                Params.page(page),
                Params.pageSize(size)));
        return HttpCaching.conditional(request, new EntityTag("polls-" + found.fingerprint()), found.value());
    }

    /** Pollsters are not edited after registration; the tag still follows every field that is served. */
    static EntityTag etag(PollsterDocument pollster) {
        return new EntityTag("pollster-"
                + Fingerprint.start()
                        .add(pollster.slug())
                        .add(pollster.name())
                        .add(pollster.website())
                        .add(pollster.country())
                        .hex());
    }
}
