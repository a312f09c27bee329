package org.pollwatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.PageView;
import org.pollwatch.common.Params;
import org.pollwatch.polls.service.PollQuery;
import org.pollwatch.trends.rest.TrendParams;
import org.pollwatch.trends.service.TrendRequest;

/**
 * The dashboard: server-rendered pages for readers. Each page is built from the same services as the
 * JSON API, links to the JSON it shows and to the operation in Swagger UI, and reads without JavaScript.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard", description = "Pages for readers (HTML)")
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(
                PageView<DashboardData.ListedPoll> polls,
                List<DashboardData.SeriesCard> series,
                HomeFilters filters,
                Links links);

        static native TemplateInstance poll(PollData.PollPage page, Links links);

        static native TemplateInstance series(SeriesPage page, Links links);

        static native TemplateInstance pollster(DashboardData.PollsterPage page, Links links);

        static native TemplateInstance corner(Links links);
    }

    /** The home page's filters, as given (blank when not). */
    public record HomeFilters(String pollster, String country, String topic, String from, String to, String q) {
        public String query(int page) {
            return Links.query(
                    "pollster",
                    pollster,
                    "country",
                    country,
                    "topic",
                    topic,
                    "from",
                    from,
                    "to",
                    to,
                    "q",
                    q,
                    "page",
                    page == 0 ? null : String.valueOf(page));
        }
    }

    /**
     * A series page: the snapshot, the chart's alt text, the query string of its parameters, the chart
     * data and the polls the table shows.
     */
    public record SeriesPage(
            SeriesData.Snapshot snapshot,
            String query,
            String altText,
            String chartJson,
            TrendParams params,
            List<SeriesData.Dot> rows) {

        /** The polls in the average that the table leaves out. */
        public int leftOut() {
            return snapshot.dots().size() - rows.size();
        }

        /** Whether the table leaves polls out. */
        public boolean capped() {
            return leftOut() > 0;
        }
    }

    private final DashboardData dashboard;
    private final PollData polls;
    private final SeriesData series;

    public PageResource(DashboardData dashboard, PollData polls, SeriesData series) {
        this.dashboard = dashboard;
        this.polls = polls;
        this.series = series;
    }

    @GET
    @Operation(
            operationId = "homePage",
            summary = "Home page: latest polls (with filters) and the series with their current average")
    public TemplateInstance home(
            @QueryParam("pollster") String pollster,
            @QueryParam("country") String country,
            @QueryParam("topic") String topic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            UriInfo uri) {
        PollQuery query = new PollQuery(
                blankToNull(pollster),
                Params.date("from", from),
                Params.date("to", to),
                null,
                blankToNull(country),
                blankToNull(topic),
                blankToNull(q),
                true,
                "-fieldEnd",
                Params.page(page),
                20);
        HomeFilters filters = new HomeFilters(pollster, country, topic, from, to, q);
        DashboardData.Home home = dashboard.home(query);
        return Templates.home(
                home.latest(),
                home.series(),
                filters,
                new Links("/polls" + filters.query(0), "Polls/searchPolls", uri));
    }

    @GET
    @Path("dashboard/polls/{id}")
    @Operation(
            operationId = "pollPage",
            summary = "Poll page: disclosure, results with margins, lead verdicts, subgroups, revisions")
    public TemplateInstance poll(@PathParam("id") long id, UriInfo uri) {
        return Templates.poll(polls.page(id), new Links("/polls/" + id, "Polls/getPoll", uri));
    }

    @GET
    @Path("dashboard/series/{key}")
    @Operation(
            operationId = "seriesPage",
            summary =
                    "Series page: the poll average with its band, the polls, house effects; takes the trend parameters")
    public TemplateInstance series(@PathParam("key") String key, @BeanParam TrendParams params, UriInfo uri) {
        TrendRequest request = series.request(params, key);
        SeriesData.Page parts = series.page(request);
        String query = Links.trendQuery(params);
        SeriesPage page =
                new SeriesPage(parts.snapshot(), query, parts.altText(), parts.chartJson(), params, parts.rows());
        return Templates.series(
                page, new Links("/series/" + key + "/trend" + query, "Series%20and%20trends/getTrend", uri));
    }

    @GET
    @Path("dashboard/pollsters/{slug}")
    @Operation(
            operationId = "pollsterPage",
            summary = "Pollster page: its polls, house effects per series, disclosure completeness")
    public TemplateInstance pollster(@PathParam("slug") String slug, @QueryParam("page") String page, UriInfo uri) {
        return Templates.pollster(
                dashboard.pollster(slug, Params.page(page)),
                new Links("/pollsters/" + slug + "/polls", "Pollsters/listPollsterPolls", uri));
    }

    @GET
    @Path("corner")
    @Operation(
            operationId = "cornerPage",
            summary =
                    "Pollster's corner: submit (form or CSV), preview the lead verdicts, revise and retract one's own polls through the API")
    public TemplateInstance corner(UriInfo uri) {
        return Templates.corner(new Links("/q/openapi", "Polls/submitPoll", uri));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
