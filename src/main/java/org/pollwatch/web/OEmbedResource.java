package org.pollwatch.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pollwatch.common.Origins;
import org.pollwatch.common.Params;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.polls.PollView;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.series.SeriesView;
import org.pollwatch.series.service.SeriesService;

/**
 * oEmbed 1.0 (https://oembed.com/) for the service's series and poll pages: a content management
 * system given such a URL gets the iframe code of its embed. Discoverable from each page's
 * {@code <link rel="alternate" type="application/json+oembed">}.
 */
@Path("/oembed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Embeds", description = "Charts for other sites: iframe pages and oEmbed")
public class OEmbedResource {

    private static final Pattern SERIES = Pattern.compile("/(?:dashboard|embed)/series/([a-z0-9][a-z0-9-]{0,79})");
    private static final Pattern POLL = Pattern.compile("/dashboard/polls/(\\d{1,18})");
    private static final Pattern QUESTION = Pattern.compile("/embed/polls/(\\d{1,18})/questions/(\\d{1,18})");

    /** The oEmbed "rich" response; names as the specification spells them. */
    @Schema(name = "OEmbed", description = "An oEmbed 1.0 rich response")
    public record OEmbedView(
            @Schema(example = "1.0") String version,
            @Schema(example = "rich") String type,

            @JsonProperty("provider_name") @Schema(example = "Pollwatch")
            String providerName,

            @JsonProperty("provider_url") String providerUrl,
            String title,

            @Schema(description = "The iframe code to paste")
            String html,

            int width,
            int height,

            @JsonProperty("thumbnail_url") @Schema(description = "The chart as PNG")
            String thumbnailUrl,

            @JsonProperty("thumbnail_width") int thumbnailWidth,
            @JsonProperty("thumbnail_height") int thumbnailHeight,

            @JsonProperty("cache_age") @Schema(description = "Seconds a consumer may keep this answer")
            int cacheAge) {}

    private final SeriesService series;
    private final PollData polls;

    public OEmbedResource(SeriesService series, PollData polls) {
        this.series = series;
        this.polls = polls;
    }

    @GET
    @Operation(
            operationId = "getOEmbed",
            summary = "oEmbed for a series or poll page",
            description = "Given the URL of a series page (/dashboard/series/{key}, with its trend parameters), a poll "
                    + "page (/dashboard/polls/{id}: its first question) or an /embed URL of this service, the iframe "
                    + "code that embeds its chart (oEmbed 1.0, type rich).")
    @APIResponse(responseCode = "200", description = "The oEmbed answer")
    @InvalidParameterResponse
    @APIResponse(responseCode = "404", description = "Not the URL of a series or poll of this service")
    @APIResponse(responseCode = "501", description = "format=xml: only json is served")
    public OEmbedView oembed(
            @Parameter(
                            required = true,
                            description = "The page to embed",
                            example = "http://localhost:8080/dashboard/series/biden-covid-approval")
                    @QueryParam("url")
                    String url,
            @Parameter(
                            description = "json, the only format served (xml answers 501, as oEmbed prescribes)",
                            example = "json",
                            schema = @Schema(enumeration = {"json"}))
                    @QueryParam("format")
                    String format,
            @Parameter(description = "Largest width the consumer can show, in pixels") @QueryParam("maxwidth")
                    String maxWidth,
            @Parameter(description = "Largest height the consumer can show, in pixels") @QueryParam("maxheight")
                    String maxHeight,
            @Context UriInfo uri) {
        String asked = format == null ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (asked.equals("xml")) {
            // what oEmbed 1.0 (section 2.3.4) prescribes for a format the provider does not serve
            throw new ProblemException(501, "Not Implemented", "Only the json format of oEmbed is served", List.of());
        }
        if (!asked.equals("json") && !asked.isEmpty()) {
            throw ProblemException.invalidField("format", "must be json (xml is not served), not '" + format + "'");
        }
        int width = Params.intInRange("maxwidth", maxWidth, Embeds.DEFAULT_WIDTH, 100, 10_000);
        int height = Params.intInRange("maxheight", maxHeight, Embeds.DEFAULT_HEIGHT, 100, 10_000);
        width = Math.min(width, Embeds.DEFAULT_WIDTH);
        height = Math.min(height, Embeds.DEFAULT_HEIGHT);
        if (url == null || url.isBlank()) {
            throw ProblemException.invalidField("url", "the URL of the page to embed is required");
        }
        String base = Links.base(uri);
        URI page = ownPage(url.trim(), uri);
        String path = page.getRawPath();
        String query = page.getRawQuery() == null ? "" : "?" + page.getRawQuery();
        Matcher matcher;
        if ((matcher = SERIES.matcher(path)).matches()) {
            String key = matcher.group(1);
            SeriesView view = series.get(key);
            return answer(
                    base,
                    "/embed/series/" + key + query,
                    view.title(),
                    "/series/" + key + "/trend.png" + query,
                    width,
                    height);
        }
        long pollId;
        Long questionId = null;
        if ((matcher = QUESTION.matcher(path)).matches()) {
            pollId = Long.parseLong(matcher.group(1));
            questionId = Long.parseLong(matcher.group(2));
        } else if ((matcher = POLL.matcher(path)).matches()) {
            pollId = Long.parseLong(matcher.group(1));
        } else {
            throw ProblemException.notFound("Not the URL of a series or poll page of this service: " + url);
        }
        PollView poll = polls.poll(pollId);
        PollView.QuestionView question =
                questionId == null ? poll.questions().get(0) : PollData.question(poll, questionId);
        String chart = "/polls/" + poll.id() + "/questions/" + question.id();
        return answer(
                base,
                "/embed" + chart,
                question.wording() + " (" + poll.pollster().name() + ", " + poll.fieldEnd() + ")",
                chart + "/chart.png",
                width,
                height);
    }

    private static OEmbedView answer(String base, String embed, String title, String png, int width, int height) {
        return new OEmbedView(
                "1.0",
                "rich",
                "Pollwatch",
                base + "/",
                title,
                Embeds.code(base, embed, title, height),
                width,
                height,
                base + png,
                640,
                400,
                300);
    }

    /** The URL as a page of this service (same host and port), else a 404 problem. */
    private static URI ownPage(String url, UriInfo uri) {
        URI page;
        try {
            page = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "is not a URL");
        }
        URI base = uri.getBaseUri();
        if (!Origins.sameHostAndPort(page, base) || page.getRawPath() == null) {
            throw ProblemException.notFound("Not a page of this service: " + url);
        }
        return page;
    }
}
