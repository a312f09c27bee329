package org.pollwatch.polls.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.pollwatch.common.Tagged;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.polls.PollsterDisclosureView;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.pollsters.rest.NoSuchPollsterResponse;

/** A pollster's disclosure score: served by the polls feature, which scores the polls. */
@Path("/pollsters/{slug}/disclosure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pollsters", description = "Organisations that conduct polls")
public class PollsterDisclosureResource {

    private final PollService polls;

    public PollsterDisclosureResource(PollService polls) {
        this.polls = polls;
    }

    @GET
    @Operation(
            operationId = "getPollsterDisclosure",
            summary = "Disclosure score of a pollster",
            description = "The mean disclosure score of the pollster's polls that are not retracted, and for each "
                    + "disclosure item (AAPOR Transparency Initiative, plus the sponsor's partisanship) the share of "
                    + "those polls that give it.")
    @APIResponse(
            responseCode = "200",
            description = "The pollster's disclosure",
            content = @Content(schema = @Schema(implementation = PollsterDisclosureView.class)))
    @NotModifiedResponse
    @NoSuchPollsterResponse
    public Response disclosure(
            @Parameter(example = "israel-democracy-institute") @PathParam("slug") String slug,
            @Context Request request) {
        Tagged<PollsterDisclosureView> found = polls.disclosureOf(slug);
        return HttpCaching.conditional(request, HttpCaching.etag("disclosure", found.fingerprint()), found.value());
    }
}
