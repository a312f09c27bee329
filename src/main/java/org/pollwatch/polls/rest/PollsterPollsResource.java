package org.pollwatch.polls.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.PageView;
import org.pollwatch.common.Params;
import org.pollwatch.common.Tagged;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.pollsters.rest.NoSuchPollsterResponse;

/** The polls of one pollster: served by the polls feature, which knows pollsters (not the reverse). */
@Path("/pollsters/{slug}/polls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pollsters", description = "Organisations that conduct polls")
public class PollsterPollsResource {

    private final PollService polls;

    public PollsterPollsResource(PollService polls) {
        this.polls = polls;
    }

    @GET
    @Operation(
            operationId = "listPollsterPolls",
            summary = "Polls of a pollster",
            description = "Newest first by default; same sorting and paging as GET /polls.")
    @APIResponse(
            responseCode = "200",
            description = "One page of polls",
            content = @Content(schema = @Schema(implementation = PollResource.PollSummaryPage.class)))
    @NotModifiedResponse
    @NoSuchPollsterResponse
    public Response polls(
            @Parameter(example = "israel-democracy-institute") @PathParam("slug") String slug,
            @QueryParam("includeRetracted") boolean includeRetracted,
            @QueryParam("sort") String sort,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @Context Request request) {
        Tagged<PageView<PollSummary>> found =
                polls.ofPollster(slug, includeRetracted, sort, Params.page(page), Params.pageSize(size));
        return HttpCaching.conditional(request, HttpCaching.etag("polls", found.fingerprint()), found.value());
    }
}
