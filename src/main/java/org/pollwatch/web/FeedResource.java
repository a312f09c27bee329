package org.pollwatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.service.PollQuery;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.pollsters.PollsterDocument;
import org.pollwatch.pollsters.PollsterService;
import org.pollwatch.series.SeriesPollView;
import org.pollwatch.series.SeriesView;
import org.pollwatch.series.service.SeriesService;

/**
 * Atom feeds (RFC 4287) of the latest polls, all of them or one pollster's or one series', for
 * newsrooms' feed readers: one entry per poll, updated when it is revised or retracted.
 */
@Path("/feeds")
@Produces(FeedResource.ATOM)
@Tag(name = "Feeds", description = "Atom feeds of new, revised and retracted polls")
public class FeedResource {

    static final String ATOM = "application/atom+xml";
    /** Entries per feed: the latest polls. */
    static final int ENTRIES = 50;

    public record Entry(
            String id,
            String title,
            String page,
            String json,
            OffsetDateTime published,
            OffsetDateTime updated,
            String author,
            List<String> topics,
            String summary) {}

    public record Feed(
            String id, String title, String self, String alternate, OffsetDateTime updated, List<Entry> entries) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feed(Feed feed);
    }

    private final PollService polls;
    private final PollData reads;
    private final PollsterService pollsters;
    private final SeriesService series;

    public FeedResource(PollService polls, PollData reads, PollsterService pollsters, SeriesService series) {
        this.polls = polls;
        this.reads = reads;
        this.pollsters = pollsters;
        this.series = series;
    }

    @GET
    @Path("polls.atom")
    @Operation(
            operationId = "feedLatestPolls",
            summary = "Atom feed of the latest polls",
            description = "The 50 polls stored last, retracted ones marked.")
    @APIResponse(responseCode = "200", description = "The feed")
    @NotModifiedResponse
    public Response latest(@Context UriInfo uri, @Context Request request) {
        return feed(request, uri, "/feeds/polls.atom", "Pollwatch: latest polls", "/", pollIds(null));
    }

    @GET
    @Path("pollsters/{slug}.atom")
    @Operation(operationId = "feedPollsterPolls", summary = "Atom feed of a pollster's latest polls")
    @APIResponse(responseCode = "200", description = "The feed")
    @NotModifiedResponse
    @APIResponse(responseCode = "404", description = "No such pollster")
    public Response pollster(
            @Parameter(example = "israel-democracy-institute") @PathParam("slug") String slug,
            @Context UriInfo uri,
            @Context Request request) {
        PollsterDocument pollster = pollsters.get(slug);
        return feed(
                request,
                uri,
                "/feeds/pollsters/" + slug + ".atom",
                "Pollwatch: polls of " + pollster.name(),
                "/dashboard/pollsters/" + slug,
                pollIds(slug));
    }

    @GET
    @Path("series/{key}.atom")
    @Operation(operationId = "feedSeriesPolls", summary = "Atom feed of a series' latest polls")
    @APIResponse(responseCode = "200", description = "The feed")
    @NotModifiedResponse
    @APIResponse(responseCode = "404", description = "No such series")
    public Response series(
            @Parameter(example = "biden-covid-approval") @PathParam("key") String key,
            @Context UriInfo uri,
            @Context Request request) {
        SeriesView view = series.get(key);
        List<Long> ids = series.polls(key, true, 0, ENTRIES).items().stream()
                .map(SeriesPollView::pollId)
                .toList();
        return feed(
                request,
                uri,
                "/feeds/series/" + key + ".atom",
                "Pollwatch: " + view.title(),
                "/dashboard/series/" + key,
                ids);
    }

    private List<Long> pollIds(String pollster) {
        PollQuery query = new PollQuery(pollster, null, null, null, null, null, null, true, "-createdAt", 0, ENTRIES);
        return polls.search(query).value().items().stream().map(PollSummary::id).toList();
    }

    private Response feed(Request request, UriInfo uri, String self, String title, String alternate, List<Long> ids) {
        String base = Links.base(uri);
        // the tag from each poll's version (a primary-key read): a 304 loads no poll
        Fingerprint fingerprint = Fingerprint.start().add(title);
        for (long id : ids) {
            fingerprint.add(id).add(reads.version(id));
        }
        return HttpCaching.conditional(
                request,
                HttpCaching.etag("feed", fingerprint.hex()),
                () -> Templates.feed(build(
                                base,
                                self,
                                title,
                                alternate,
                                ids.stream().map(reads::poll).toList()))
                        .render(),
                ATOM + "; charset=UTF-8");
    }

    private static Feed build(String base, String self, String title, String alternate, List<PollView> views) {
        List<Entry> entries = new ArrayList<>();
        OffsetDateTime updated = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (PollView poll : views) {
            entries.add(entry(base, poll));
            if (poll.updatedAt().isAfter(updated)) {
                updated = poll.updatedAt();
            }
        }
        return new Feed(base + self, title, base + self, base + alternate, updated, entries);
    }

    private static Entry entry(String base, PollView poll) {
        boolean retracted = poll.status() == PollStatus.RETRACTED;
        PollView.QuestionView first = poll.questions().get(0);
        String headline = DashboardData.headline(first);
        String title = (retracted ? "Retracted: " : "") + poll.pollster().name() + ", " + poll.fieldStart() + " to "
                + poll.fieldEnd() + ": " + headline;
        StringBuilder summary = new StringBuilder();
        for (PollView.QuestionView question : poll.questions()) {
            summary.append(question.wording())
                    .append(' ')
                    .append(DashboardData.headline(question))
                    .append(". ");
        }
        summary.append(poll.sampleSize() == null ? "Sample size not given." : "n = " + poll.sampleSize() + ".");
        if (retracted) {
            summary.append(" Retracted: ").append(poll.retraction().reason());
        }
        List<String> topics = poll.questions().stream()
                .flatMap(q -> q.topics().stream())
                .distinct()
                .toList();
        return new Entry(
                base + "/polls/" + poll.id(),
                title,
                base + "/dashboard/polls/" + poll.id(),
                base + "/polls/" + poll.id(),
                poll.createdAt(),
                poll.updatedAt(),
                poll.pollster().name(),
                topics,
                summary.toString().trim());
    }
}
