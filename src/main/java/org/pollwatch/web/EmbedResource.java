package org.pollwatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.polls.PollView;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.TrendRequest;

/**
 * Pages made to sit in another site's iframe: one chart, its alt text, a source line and a link to
 * the full page; they may be framed anywhere (application.properties) and report their height to the
 * host page by postMessage (/static/embed.js).
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Embeds", description = "Charts for other sites: iframe pages and oEmbed")
public class EmbedResource {

    /** One embedded chart: what it shows, where its image and its full page are. */
    public record EmbedPage(String title, String subtitle, String chart, String altText, String page, String source) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance embed(EmbedPage embed);
    }

    private final SeriesData series;
    private final PollData polls;

    public EmbedResource(SeriesData series, PollData polls) {
        this.series = series;
        this.polls = polls;
    }

    @GET
    @Path("series/{key}")
    @Operation(
            operationId = "embedSeries",
            summary = "A series' average, for an iframe",
            description = "The trend chart (SVG, light or dark with the reader's colour scheme) with its alt text and "
                    + "a link to the series page; takes the trend parameters. Reports its height to the host page.")
    @APIResponse(responseCode = "200", description = "The embed page")
    @InvalidParameterResponse
    @APIResponse(responseCode = "404", description = "No such series")
    public TemplateInstance series(
            @Parameter(example = "biden-covid-approval") @PathParam("key") String key, @BeanParam TrendParams params) {
        TrendRequest request = series.request(params, key);
        SeriesData.Snapshot snapshot = series.snapshot(request);
        String query = Links.trendQuery(params);
        return Templates.embed(new EmbedPage(
                snapshot.series().title(),
                "Poll average, " + snapshot.trend().method().replace('_', ' '),
                "/series/" + key + "/trend.svg" + query,
                SeriesData.chart(snapshot).description(),
                "/dashboard/series/" + key + query,
                "/series/" + key + "/trend" + query));
    }

    @GET
    @Path("polls/{id}/questions/{qid}")
    @Operation(
            operationId = "embedQuestion",
            summary = "A poll question's results, for an iframe",
            description = "The question's bar chart with margins of error, its alt text and a link to the poll page. "
                    + "Reports its height to the host page.")
    @APIResponse(responseCode = "200", description = "The embed page")
    @APIResponse(responseCode = "404", description = "No such poll or question")
    public TemplateInstance question(
            @Parameter(example = "1") @PathParam("id") long id, @Parameter(example = "1") @PathParam("qid") long qid) {
        PollView poll = polls.poll(id);
        PollView.QuestionView question = PollData.question(poll, qid);
        return Templates.embed(new EmbedPage(
                question.wording(),
                poll.pollster().name() + ", " + poll.fieldStart() + " to " + poll.fieldEnd()
                        + (poll.retraction() == null ? "" : " (retracted)"),
                "/polls/" + id + "/questions/" + qid + "/chart.svg",
                PollData.chart(poll, question).description(),
                "/dashboard/polls/" + id,
                "/polls/" + id));
    }
}
