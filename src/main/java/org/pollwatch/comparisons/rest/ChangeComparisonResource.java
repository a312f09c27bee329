package org.pollwatch.comparisons.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.comparisons.ChangeComparison;
import org.pollwatch.comparisons.ComparisonService;
import org.pollwatch.problems.Problem;

@Path("/comparisons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comparisons")
public class ChangeComparisonResource {

    private final ComparisonService comparisons;

    public ChangeComparisonResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @Path("/change")
    @Operation(
            operationId = "compareChange",
            summary = "Did an option change significantly since an earlier poll?",
            description = "Compares one option of a question with the same question in an earlier poll. Two polls are "
                    + "independent samples: var = p1(1 - p1)/n1 + p2(1 - p2)/n2 with effective sample sizes "
                    + "(two-sample z test for independent proportions); z = (p1 - p2) / SE, two-sided p-value, MoE = z* x SE. "
                    + "Questions match when their wording is the same, ignoring case and whitespace; the option is matched "
                    + "by label, ignoring case, in both. Without 'against' the earlier poll is the latest one by the same "
                    + "pollster, with fieldwork ending before this one's, that asked the same wording. Retracted polls are "
                    + "refused with 409. When a sample size is unknown the verdict is unknown_sample_size, with the minimum "
                    + "equal n at which the change would be significant.")
    @APIResponse(
            responseCode = "200",
            description = "The change and its significance",
            content =
                    @Content(
                            schema = @Schema(implementation = ChangeComparison.class),
                            examples =
                                    @ExampleObject(
                                            name = "Hypothetical later poll vs IDI January 2024",
                                            value = ComparisonExamples.IDI_CHANGE)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Missing or bad question id, a question with other wording or of a later poll "
                            + "as 'against', an option missing from either question (the common ones are listed), or a bad confidence",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "different wording",
                                            value = ComparisonExamples.OTHER_WORDING_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such question, or no earlier poll asked the same wording")
    @APIResponse(responseCode = "409", description = "One of the polls is retracted")
    public ChangeComparison change(
            @Parameter(description = "Question id in the later poll", required = true, example = "51")
                    @QueryParam("question")
                    String question,
            @Parameter(
                            description =
                                    "Question id in the earlier poll; default: the same pollster's previous poll with the same wording",
                            example = "1")
                    @QueryParam("against")
                    String against,
            @Parameter(
                            description =
                                    "Option label (case-insensitive); default: the later question's largest option",
                            example = "Returning the hostages")
                    @QueryParam("option")
                    String option,
            @BeanParam Confidence confidence) {
        return comparisons.change(
                ComparisonParams.requiredId("question", question),
                ComparisonParams.optionalId("against", against),
                option,
                confidence.level());
    }
}
