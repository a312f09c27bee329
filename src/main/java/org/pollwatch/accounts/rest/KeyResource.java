package org.pollwatch.accounts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.accounts.ApiKeyView;
import org.pollwatch.accounts.AuditEventView;
import org.pollwatch.accounts.KeyRequest;
import org.pollwatch.accounts.service.KeyService;
import org.pollwatch.common.PageView;
import org.pollwatch.common.Params;
import org.pollwatch.common.access.Roles;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.pollsters.rest.NoSuchPollsterResponse;
import org.pollwatch.problems.ProblemException;

@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "API keys and the audit log (administrator keys only)")
@SecurityScheme(
        securitySchemeName = Roles.BEARER_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "API key",
        description = "An API key sent as Authorization: Bearer <key>. Writes need one; reads need none.")
@SecurityRequirement(name = Roles.BEARER_SCHEME)
@APIResponse(responseCode = "403", description = "Not an administrator key")
@RolesAllowed(Roles.ADMIN)
public class KeyResource {

    static final String KEY_REQUEST = """
            {"name": "IDI newsroom uploads", "role": "pollster", "pollster": "israel-democracy-institute"}
            """;

    private final KeyService keys;

    public KeyResource(KeyService keys) {
        this.keys = keys;
    }

    @POST
    @Path("/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueApiKey",
            summary = "Issue an API key",
            description = "An administrator key, or a key of one pollster (writes only that pollster's polls). "
                    + "The key is in this answer only: it is stored as an HMAC and cannot be shown again.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "pollster key", value = KEY_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Issued; the answer holds the key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: the offending fields are listed")
    public Response issue(@NotNull @Valid KeyRequest request) {
        ApiKeyView issued = keys.issue(request);
        return Response.created(URI.create("/admin/keys/" + issued.id()))
                .entity(issued)
                .build();
    }

    @GET
    @Path("/keys")
    @Operation(
            operationId = "listApiKeys",
            summary = "List API keys",
            description = "Newest first, without the keys themselves.")
    @APIResponse(
            responseCode = "200",
            description = "Keys",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApiKeyView.class)))
    @NoSuchPollsterResponse
    public List<ApiKeyView> list(
            @Parameter(description = "Only the keys of this pollster", example = "israel-democracy-institute")
                    @QueryParam("pollster")
                    String pollster) {
        return keys.list(pollster == null || pollster.isBlank() ? null : pollster.trim());
    }

    @GET
    @Path("/keys/{id}")
    @Operation(
            operationId = "getApiKey",
            summary = "Read an API key",
            description = "Its name, role, scopes, last use, expiry and revocation.")
    @APIResponse(
            responseCode = "200",
            description = "The key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key")
    public ApiKeyView get(@PathParam("id") long id) {
        return keys.get(id);
    }

    @DELETE
    @Path("/keys/{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key",
            description = "Effective at once on every instance: keys are checked against the database on each request.")
    @APIResponse(
            responseCode = "200",
            description = "Revoked",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key")
    public ApiKeyView revoke(
            @PathParam("id") long id,
            @Parameter(description = "Why the key is revoked (kept in the audit log)") @QueryParam("reason")
                    String reason) {
        return keys.revoke(id, reason);
    }

    @GET
    @Path("/audit")
    @Operation(
            operationId = "getAuditLog",
            summary = "Read the audit log",
            description =
                    "Every write, newest first: the key that made it, the action, the poll, time, request id and reason.")
    @APIResponse(
            responseCode = "200",
            description = "One page of audit events",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @InvalidParameterResponse
    public PageView<AuditEventView> audit(
            @Parameter(description = "Only the events of this poll id", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("poll")
                    String poll,
            @Parameter(description = "Only the events of this API key id", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("key")
                    String key,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("size") String size) {
        return keys.audit(id("poll", poll), id("key", key), Params.page(page), Params.pageSize(size));
    }

    private static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number (an id)");
        }
    }

    /** Only for the OpenAPI document: a page of audit events. */
    @Schema(name = "AuditEventPage")
    static final class AuditPage {
        public List<AuditEventView> items;
        public int page;
        public int size;
        public long total;
        public int totalPages;
    }
}
