package org.pollwatch.comparisons.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.ReadCache;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.comparisons.ComparisonService;
import org.pollwatch.comparisons.LeadComparison;
import org.pollwatch.comparisons.SubgroupComparison;
import org.pollwatch.comparisons.config.ComparisonsConfig;
import org.pollwatch.polls.service.PollReads;
import org.pollwatch.problems.Problem;
import org.pollwatch.stats.ConfidenceLevel;

@Path("/polls/{id}/questions/{qid}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Comparisons",
        description = "Leads, changes and subgroup differences, with margins of error and significance")
public class QuestionComparisonResource {

    private final ComparisonService comparisons;
    private final PollReads polls;
    private final ReadCache.Region cache;

    public QuestionComparisonResource(
            ComparisonService comparisons, PollReads polls, ReadCache reads, ComparisonsConfig config) {
        this.comparisons = comparisons;
        this.polls = polls;
        this.cache = reads.byVersion("comparisons", config.cacheSize());
    }

    @GET
    @Path("/comparison")
    @Operation(
            operationId = "compareLead",
            summary = "Is one option's lead over another significant?",
            description =
                    "Compares two options of one question in one poll. Both shares come from the same multinomial "
                            + "sample, so they are negatively correlated and the variance of the lead is "
                            + "(p1 + p2 - (p1 - p2)^2) / n (Franklin 2007: C. Franklin, \"The 'Margin of Error' for Differences in Polls\"); "
                            + "z = (p1 - p2) / SE, two-sided p-value, MoE = z* x SE. "
                            + "n is the effective sample size: the reported n, divided by the Kish design effect when a margin of "
                            + "error is reported too, or derived from the margin alone (n = 1.96^2 x 0.25 / MoE^2). When the source "
                            + "gives neither, the verdict is unknown_sample_size and minimumSampleSizeForSignificance tells how many "
                            + "respondents the lead would need to be significant. Without a and b the two largest options are compared. "
                            + "Questions that allow several answers are refused (422), as their shares are not one multinomial sample. "
                            + "A z that would be infinite (shares of 0% and 100%) is served as null with a note; JSON never carries Infinity or NaN.")
    @APIResponse(
            responseCode = "200",
            description = "The lead and its significance",
            content =
                    @Content(
                            schema = @Schema(implementation = LeadComparison.class),
                            examples =
                                    @ExampleObject(
                                            name = "IDI January 2024 (no sample size)",
                                            value = ComparisonExamples.IDI_LEAD)))
    @NotModifiedResponse
    @APIResponse(
            responseCode = "400",
            description =
                    "Unknown option (the valid ones are listed), a equal to b, or confidence not 80, 90, 95 or 99",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "unknown option",
                                            value = ComparisonExamples.UNKNOWN_OPTION_PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "No such poll or question, or the question belongs to another poll",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "question of another poll",
                                            value = ComparisonExamples.OTHER_POLL_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The poll is retracted")
    @APIResponse(responseCode = "422", description = "The question allows several answers")
    public Response lead(
            @Parameter(description = "Poll id", example = "1") @PathParam("id") long pollId,
            @Parameter(description = "Question id (of this poll)", example = "1") @PathParam("qid") long questionId,
            @Parameter(
                            description = "Label of the first option (case-insensitive); default: the largest option",
                            example = "Returning the hostages")
                    @QueryParam("a")
                    String a,
            @Parameter(
                            description =
                                    "Label of the second option (case-insensitive); default: the largest option other than a",
                            example = "Toppling Hamas")
                    @QueryParam("b")
                    String b,
            @BeanParam Confidence confidence,
            @Context Request request) {
        ConfidenceLevel level = confidence.level();
        return conditional(
                request,
                "lead",
                pollId,
                questionId,
                Arrays.asList(a, b, level.name()),
                () -> comparisons.lead(pollId, questionId, a, b, level));
    }

    @GET
    @Path("/subgroups/comparison")
    @Operation(
            operationId = "compareSubgroups",
            summary = "Does one option differ significantly between two subgroups?",
            description =
                    "Compares one option's share in two subgroups of one dimension (e.g. sector: Arab Israelis vs "
                            + "Jewish Israelis). Disjoint subgroups are independent samples, each with its own n: "
                            + "var = p1(1 - p1)/n1 + p2(1 - p2)/n2 (two-sample z test for independent proportions); z = (p1 - p2) / SE, "
                            + "two-sided p-value, MoE = z* x SE. A subgroup without a reported size makes the verdict "
                            + "unknown_sample_size, with the minimum equal subgroup size at which the difference would be significant. "
                            + "Defaults: the question's only dimension, the dimension's two subgroups when it has exactly two, and the "
                            + "question's largest option.")
    @APIResponse(
            responseCode = "200",
            description = "The difference and its significance",
            content =
                    @Content(
                            schema = @Schema(implementation = SubgroupComparison.class),
                            examples =
                                    @ExampleObject(
                                            name = "IDI January 2024 (no subgroup sizes)",
                                            value = ComparisonExamples.IDI_SUBGROUPS)))
    @NotModifiedResponse
    @APIResponse(
            responseCode = "400",
            description =
                    "Unknown dimension, subgroup or option (the valid ones are listed), a equal to b, or a bad confidence",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "unknown subgroup",
                                            value = ComparisonExamples.UNKNOWN_SUBGROUP_PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "No such poll or question, or the question belongs to another poll")
    @APIResponse(responseCode = "409", description = "The poll is retracted")
    public Response subgroups(
            @Parameter(description = "Poll id", example = "1") @PathParam("id") long pollId,
            @Parameter(description = "Question id (of this poll)", example = "1") @PathParam("qid") long questionId,
            @Parameter(
                            description = "Subgroup dimension; may be left out when the question has only one",
                            example = "sector")
                    @QueryParam("dimension")
                    String dimension,
            @Parameter(description = "First subgroup label", example = "Arab Israelis") @QueryParam("a") String a,
            @Parameter(description = "Second subgroup label", example = "Jewish Israelis") @QueryParam("b") String b,
            @Parameter(
                            description = "Option label; default: the question's largest option",
                            example = "Returning the hostages")
                    @QueryParam("option")
                    String option,
            @BeanParam Confidence confidence,
            @Context Request request) {
        ConfidenceLevel level = confidence.level();
        return conditional(
                request,
                "subgroups",
                pollId,
                questionId,
                Arrays.asList(dimension, a, b, option, level.name()),
                () -> comparisons.subgroups(pollId, questionId, dimension, a, b, option, level));
    }

    /**
     * A comparison of one poll's results changes only with the poll's version: that version and the
     * parameters make the ETag, a matching If-None-Match gets 304, and the body is computed once per version.
     */
    private Response conditional(
            Request request,
            String kind,
            long pollId,
            long questionId,
            List<String> parameters,
            Supplier<Object> compute) {
        int version = polls.version(pollId);
        EntityTag tag = HttpCaching.etag(kind, pollId, version, questionId, Integer.toHexString(parameters.hashCode()));
        return HttpCaching.conditional(
                request, tag, () -> cache.get(new Key(kind, pollId, version, questionId, parameters), compute));
    }

    /** A comparison depends on one poll alone: its version, the question and the parameters. */
    private record Key(String kind, long pollId, int version, long questionId, List<String> parameters) {}
}
