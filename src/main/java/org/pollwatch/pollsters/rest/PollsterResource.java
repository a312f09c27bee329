package org.pollwatch.pollsters.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.access.Roles;
import org.pollwatch.common.openapi.NotJsonResponse;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.pollsters.PollsterDocument;
import org.pollwatch.pollsters.PollsterService;

@Path("/pollsters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pollsters", description = "Organisations that conduct polls")
public class PollsterResource {

    private final PollsterService pollsters;

    public PollsterResource(PollsterService pollsters) {
        this.pollsters = pollsters;
    }

    @GET
    @Operation(
            operationId = "listPollsters",
            summary = "List pollsters",
            description = "All registered pollsters, by name.")
    @APIResponse(
            responseCode = "200",
            description = "Pollsters",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PollsterDocument.class)))
    public List<PollsterDocument> list() {
        return pollsters.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerPollster", summary = "Register a pollster")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "IDI",
                                            value =
                                                    "{\"slug\": \"israel-democracy-institute\", \"name\": \"Israel Democracy Institute\", \"website\": \"https://en.idi.org.il\", \"country\": \"IL\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = PollsterDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid pollster")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @NotJsonResponse
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @APIResponse(responseCode = "403", description = "Not an administrator key")
    public Response register(@NotNull @Valid PollsterDocument document) {
        PollsterDocument registered = pollsters.register(document);
        return Response.created(URI.create("/pollsters/" + registered.slug()))
                .entity(registered)
                .build();
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getPollster", summary = "Read a pollster")
    @APIResponse(
            responseCode = "200",
            description = "The pollster",
            content = @Content(schema = @Schema(implementation = PollsterDocument.class)))
    @NotModifiedResponse
    @NoSuchPollsterResponse
    public Response get(
            @Parameter(example = "israel-democracy-institute") @PathParam("slug") String slug,
            @Context Request request) {
        PollsterDocument pollster = pollsters.get(slug);
        return HttpCaching.conditional(request, etag(pollster), pollster);
    }

    /** Pollsters are not edited after registration; the tag still follows every field that is served. */
    static EntityTag etag(PollsterDocument pollster) {
        return HttpCaching.etag(
                "pollster",
                Fingerprint.start()
                        .add(pollster.slug())
                        .add(pollster.name())
                        .add(pollster.website())
                        .add(pollster.country())
                        .hex());
    }
}
