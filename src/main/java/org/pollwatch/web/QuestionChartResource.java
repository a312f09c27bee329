package org.pollwatch.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.polls.PollView;

/** {@code GET /polls/{id}/questions/{qid}/chart.svg} and {@code .png}: one question's results drawn on the server. */
@Path("/polls/{id}/questions/{qid}/chart.{format: svg|png}")
@Tag(name = "Charts", description = "Server-rendered SVG and PNG charts of poll averages and poll questions")
public class QuestionChartResource {

    private final PollData polls;
    private final ChartResponses charts;

    public QuestionChartResource(PollData polls, ChartResponses charts) {
        this.polls = polls;
        this.charts = charts;
    }

    @GET
    @Produces({ChartResponses.SVG, ChartResponses.PNG})
    @Operation(
            operationId = "questionChart",
            summary = "A question's results as an SVG bar chart or PNG image",
            description = "One bar per option with its margin of error (95 %) when the sample size is known; "
                    + "a retracted poll says so. ETag of the bytes, 304 on If-None-Match, Cache-Control max-age=60.")
    @APIResponse(responseCode = "200", description = "The chart")
    @NotModifiedResponse
    @InvalidParameterResponse
    @APIResponse(responseCode = "404", description = "No such poll or question")
    public Response chart(
            @Parameter(description = "Poll id", example = "1") @PathParam("id") long id,
            @Parameter(description = "Question id", example = "1") @PathParam("qid") long questionId,
            @BeanParam ChartResponses.ChartParams chart,
            Request request) {
        // keyed by the poll's version: every revision or retraction makes a new chart
        ChartResponses.Key cacheKey = new ChartResponses.Key(
                "question",
                id + "/" + questionId,
                chart.width(),
                chart.height(),
                chart.theme(),
                chart.format(),
                polls.version(id));
        return charts.respond(
                cacheKey,
                () -> {
                    PollView poll = polls.poll(id);
                    return PollData.chart(poll, PollData.question(poll, questionId));
                },
                request);
    }
}
