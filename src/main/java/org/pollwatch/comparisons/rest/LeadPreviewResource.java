package org.pollwatch.comparisons.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.access.Roles;
import org.pollwatch.comparisons.ComparisonService;
import org.pollwatch.comparisons.LeadPreview;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.problems.Problem;

@Path("/comparisons/lead-preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons")
public class LeadPreviewResource {

    private final ComparisonService comparisons;

    public LeadPreviewResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "previewLeads",
            summary = "Lead verdicts of a poll before it is published",
            description =
                    "Takes the document POST /polls takes and answers, per question, the lead of its two largest options"
                            + " as GET /polls/{id}/questions/{qid}/comparison will give it once the poll is stored. Stores"
                            + " nothing; like every POST it needs a key (any role). The document is checked by the same field rules as a"
                            + " submission (400 naming each field); the pollster and series are checked on submission.")
    @APIResponse(
            responseCode = "200",
            description = "One preview per question, in document order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LeadPreview.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid poll document: the offending fields are listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "403",
            description = "Sent from another site's page (Origin), refused as every cross-origin write is",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @RolesAllowed({Roles.ADMIN, Roles.POLLSTER})
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    public List<LeadPreview> preview(@NotNull @Valid PollDocument document, @BeanParam Confidence confidence) {
        return comparisons.preview(document, confidence.level());
    }
}
