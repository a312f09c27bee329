package org.pollwatch.polls.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.pollwatch.common.HttpCaching;
import org.pollwatch.common.PageView;
import org.pollwatch.common.Params;
import org.pollwatch.common.Tagged;
import org.pollwatch.common.access.Roles;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.common.openapi.NotJsonResponse;
import org.pollwatch.common.openapi.NotModifiedResponse;
import org.pollwatch.polls.PollChangesPage;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;
import org.pollwatch.polls.RevisionView;
import org.pollwatch.polls.service.PollChangeCursor;
import org.pollwatch.polls.service.PollCsv;
import org.pollwatch.polls.service.PollQuery;
import org.pollwatch.polls.service.PollReads;
import org.pollwatch.polls.service.PollService;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.Problem;
import org.pollwatch.problems.ProblemException;

@Path("/polls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Polls", description = "Submit, read, revise and retract polls")
public class PollResource {

    /** The CSV media type of GET /polls, with its charset. */
    static final String CSV = "text/csv; charset=UTF-8";

    private static final MediaType CSV_TYPE = new MediaType("text", "csv");

    private final PollService polls;
    private final PollReads reads;

    public PollResource(PollService polls, PollReads reads) {
        this.polls = polls;
        this.reads = reads;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitPoll",
            summary = "Submit a poll",
            description =
                    "Stores one whole poll (questions, options, subgroup results) in one transaction, or nothing.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "IDI January 2024", value = PollExamples.IDI_POLL)))
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content = @Content(schema = @Schema(implementation = PollView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid poll: the offending fields are listed",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = PollExamples.INVALID_POLL_PROBLEM)))
    @NotJsonResponse
    @RolesAllowed({Roles.ADMIN, Roles.POLLSTER})
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @WrongPollsterResponse
    public Response submit(@NotNull @Valid PollDocument document) {
        PollView stored = polls.submit(document);
        return Response.created(URI.create("/polls/" + stored.id()))
                .tag(etag(stored))
                .entity(stored)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPoll",
            summary = "Read a poll",
            description =
                    "The poll with its questions, options and subgroup results. Retracted polls stay readable, flagged.")
    @APIResponse(
            responseCode = "200",
            description = "The poll",
            content = @Content(schema = @Schema(implementation = PollView.class)))
    @org.pollwatch.common.openapi.NotModifiedResponse
    @APIResponse(
            responseCode = "404",
            description = "No such poll",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = PollExamples.NOT_FOUND_PROBLEM)))
    public Response get(
            @Parameter(description = "Poll id", example = "1") @PathParam("id") long id,
            @jakarta.ws.rs.core.Context Request request) {
        // the version alone decides a 304; the body comes from the reads cache, built only once per version
        int version = reads.version(id);
        EntityTag tag = etag(id, version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(HttpCaching.revalidate()).build();
        }
        PollReads.PollJson poll = reads.read(id, version);
        return Response.ok(poll.json(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .tag(etag(id, poll.version()))
                .cacheControl(HttpCaching.revalidate())
                .build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "searchPolls",
            summary = "Search polls",
            description =
                    "Filter by pollster, field dates, population, country, topic and full-text search (q); sorted and paged. Retracted polls are left out unless asked for. With updatedSince or cursor: every poll written since, in the order written, retracted ones included, with a nextCursor to continue from (for clients that keep a copy in sync). As text/csv: the page as CSV, one row per poll, question and option.")
    @APIResponse(
            responseCode = "200",
            description = "One page of polls",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PollSummaryPage.class)),
                @Content(
                        mediaType = CSV,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = PollCsv.HEADER + "\r\n" + PollExamples.CSV_ROW))
            })
    @NotModifiedResponse
    @InvalidParameterResponse
    public Response search(
            @Parameter(description = "Pollster slug", example = "israel-democracy-institute") @QueryParam("pollster")
                    String pollster,
            @Parameter(
                            description = "Polls whose fieldwork ended on or after this date",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Polls whose fieldwork started on or before this date",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to,
            @Parameter(description = "adults, registered_voters, likely_voters, voters or other")
                    @QueryParam("population")
                    String population,
            @Parameter(description = "ISO country code", example = "IL") @QueryParam("country") String country,
            @Parameter(description = "Topic tag of any question", example = "hostages") @QueryParam("topic")
                    String topic,
            @Parameter(
                            description =
                                    "Full-text search over question wording and topics, option labels, pollster name and sponsor, best match first unless sort is given; words are stemmed (hostage finds hostages); \"a phrase\", or, -word as in web search",
                            example = "hostages")
                    @QueryParam("q")
                    String text,
            @Parameter(description = "Include retracted polls") @QueryParam("includeRetracted")
                    boolean includeRetracted,
            @Parameter(
                            description =
                                    "fieldEnd, fieldStart, publishedOn, sampleSize, createdAt or id; '-' prefix for descending",
                            example = "-fieldEnd")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (larger values are capped at 100)") @QueryParam("size")
                    String size,
            @Parameter(
                            description =
                                    "Mirroring: polls written or updated at or after this instant (ISO 8601 with offset, or a date for its start in UTC), in the order they were written, retracted ones included. Answers nextCursor; combines only with pollster, cursor and size.",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                            example = "2024-02-01T00:00:00Z")
                    @QueryParam("updatedSince")
                    String updatedSince,
            @Parameter(
                            description =
                                    "Mirroring: the nextCursor of the previous answer; continues after the last poll it gave. Combines only with pollster, updatedSince and size.")
                    @QueryParam("cursor")
                    String cursor,
            @Context Request request,
            @Context HttpHeaders headers) {
        if (updatedSince != null || cursor != null) {
            Map<String, String> search = new TreeMap<>();
            search.put("from", from);
            search.put("to", to);
            search.put("population", population);
            search.put("country", country);
            search.put("topic", topic);
            search.put("q", text);
            search.put("sort", sort);
            search.put("page", page);
            search.put("includeRetracted", includeRetracted ? "true" : null);
            rejectSearchParametersWhenMirroring(search);
            Tagged<PollChangesPage> changes = polls.changes(
                    Params.instant("updatedSince", updatedSince),
                    cursor == null || cursor.isBlank() ? PollChangeCursor.START : PollChangeCursor.decode(cursor),
                    blankToNull(pollster),
                    Params.pageSize(size));
            return page(
                    request, headers, "poll-changes", changes, changes.value().items());
        }
        Tagged<PageView<PollSummary>> found = polls.search(new PollQuery(
                blankToNull(pollster),
                Params.date("from", from),
                Params.date("to", to),
                Params.enumValue("population", population, Population.class),
                blankToNull(country),
                blankToNull(topic),
                text,
                includeRetracted,
                sort,
                Params.page(page),
                Params.pageSize(size)));
        return page(request, headers, "polls", found, found.value().items());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "revisePoll",
            summary = "Revise a poll",
            description =
                    "Replaces the poll's content. The previous version is kept and listed at /polls/{id}/revisions. Send If-Match with the ETag you read to refuse lost updates.")
    @RequestBody(
            required = true,
            content = @Content(examples = @ExampleObject(name = "IDI January 2024", value = PollExamples.IDI_POLL)))
    @APIResponse(
            responseCode = "200",
            description = "Revised",
            content = @Content(schema = @Schema(implementation = PollView.class)))
    @APIResponse(responseCode = "400", description = "Invalid poll")
    @APIResponse(responseCode = "404", description = "No such poll")
    @APIResponse(responseCode = "409", description = "The poll is retracted, or was changed meanwhile")
    @APIResponse(responseCode = "412", description = "If-Match does not match the poll's current version")
    @APIResponse(
            responseCode = "428",
            description =
                    "No If-Match: send the ETag of the version being revised (or * to revise whatever is current)")
    @RolesAllowed({Roles.ADMIN, Roles.POLLSTER})
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @WrongPollsterResponse
    public Response revise(
            @PathParam("id") long id,
            @NotNull @Valid PollDocument document,
            @Parameter(
                            description =
                                    "ETag of the version being revised (required; * revises whatever version is current)",
                            required = true,
                            example = "\"poll-1-v0\"")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(description = "Why the poll was revised") @QueryParam("reason") String reason) {
        PollView revised = polls.revise(id, document, expectedVersion(ifMatch), reason);
        return Response.ok(revised).tag(etag(revised)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "retractPoll",
            summary = "Retract a poll",
            description =
                    "Flags the poll as retracted with a reason. Nothing is erased: the poll stays readable, but leaves lists, comparisons and averages.")
    @APIResponse(
            responseCode = "200",
            description = "Retracted",
            content = @Content(schema = @Schema(implementation = PollView.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such poll")
    @RolesAllowed({Roles.ADMIN, Roles.POLLSTER})
    @SecurityRequirement(name = Roles.BEARER_SCHEME)
    @WrongPollsterResponse
    public PollView retract(
            @PathParam("id") long id,
            @Parameter(
                            description = "Why the poll is retracted",
                            required = true,
                            example = "Pollster withdrew the results")
                    @QueryParam("reason")
                    String reason) {
        return polls.retract(id, reason);
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(
            operationId = "listPollRevisions",
            summary = "Revision history",
            description = "Earlier versions of the poll, oldest first, each as it was served before being replaced.")
    @APIResponse(
            responseCode = "200",
            description = "Earlier versions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionView.class)))
    @APIResponse(responseCode = "404", description = "No such poll")
    public List<RevisionView> revisions(@PathParam("id") long id) {
        return polls.revisions(id);
    }

    static EntityTag etag(PollView poll) {
        return etag(poll.id(), poll.version());
    }

    static EntityTag etag(long id, int version) {
        return HttpCaching.etag("poll", id, "v" + version);
    }

    /**
     * Accepts the ETag we serve ("poll-7-v2") or a bare version number; {@code *} means any version.
     * Without If-Match a revision could silently undo another one: 428.
     */
    private static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "Precondition Required",
                    "Send If-Match with the ETag of the version being revised (from GET /polls/{id}), "
                            + "or If-Match: * to revise whatever version is current",
                    List.of(new FieldError("If-Match", "is required")));
        }
        if (ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        int marker = value.lastIndexOf("-v");
        try {
            return Integer.parseInt(marker >= 0 ? value.substring(marker + 2) : value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("If-Match", "must be an ETag of this poll, e.g. \"poll-1-v0\"");
        }
    }

    /** A page of polls as JSON, or as CSV when the client asks for it; each with its own ETag. */
    private Response page(Request request, HttpHeaders headers, String kind, Tagged<?> page, List<PollSummary> items) {
        if (wantsCsv(headers)) {
            return HttpCaching.conditional(
                    request, HttpCaching.etag(kind + "-csv", page.fingerprint()), () -> polls.csv(items), CSV);
        }
        return HttpCaching.conditional(
                request, HttpCaching.etag(kind, page.fingerprint()), page.value(), MediaType.APPLICATION_JSON);
    }

    /** CSV when the client's first acceptable type of the two offered is text/csv; JSON otherwise. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) return false;
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return false;
            if (type.isCompatible(CSV_TYPE)) return true;
        }
        return false;
    }

    /** Mirroring reads every poll in change order: a filter or sort of the search would silently drop changes. */
    private static void rejectSearchParametersWhenMirroring(Map<String, String> parameters) {
        List<FieldError> errors = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> new FieldError(e.getKey(), "cannot be combined with updatedSince or cursor"))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid request", errors);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Only for the OpenAPI document: a page of poll summaries. */
    @Schema(name = "PollSummaryPage")
    static final class PollSummaryPage {
        public List<PollSummary> items;
        public int page;
        public int size;
        public long total;
        public int totalPages;

        @Schema(
                description =
                        "Only when updatedSince or cursor is given: pass it as cursor to continue; keep the last one to ask for later changes",
                nullable = true)
        public String nextCursor;
    }
}
