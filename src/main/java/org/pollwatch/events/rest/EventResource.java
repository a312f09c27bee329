package org.pollwatch.events.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.pollwatch.common.openapi.InvalidParameterResponse;
import org.pollwatch.events.EventFilter;
import org.pollwatch.events.LiveEventHub;
import org.pollwatch.events.LiveEvents;
import org.pollwatch.problems.Problem;

@Path("/events")
@Tag(name = "Events", description = "Live announcements of new, revised and retracted polls and moved averages")
public class EventResource {

    static final String DESCRIPTION = """
            Server-Sent Events (text/event-stream; in browsers, `new EventSource("/events")`). Each \
            event has an `event:` type, an `id:` and a JSON `data:` line (the LiveEvent schema):

            | event | when |
            |---|---|
            | `poll-submitted` | a poll was stored |
            | `poll-revised` | a poll was revised |
            | `poll-retracted` | a poll was retracted |
            | `average-recomputed` | the average of one series moved: a poll of it was submitted, revised or retracted, a question joined it, its settings changed, or an import filled it (one event per series) |
            | `events-missed` | sent first when the `Last-Event-ID` is older than the history: the client should reload what it shows |

            Events are announced once their transaction has committed, on every instance, in commit \
            order; ids are the same on every instance. To resume after a lost connection send the \
            last id seen as `Last-Event-ID` (browsers do so by themselves) or as `lastEventId`: the \
            events after it are sent first, from a history of the last 1,000 events and at most one \
            hour (`pollwatch.events.history-size`, `.history-age`). A comment line (`: heartbeat`) is \
            sent every 15 s (`pollwatch.events.heartbeat`). Each instance serves at most \
            `pollwatch.events.max-subscribers` streams (default 2,000); one more gets 503 with \
            `Retry-After`.""";

    private final LiveEvents events;
    private final LiveEventHub hub;

    public EventResource(LiveEvents events, LiveEventHub hub) {
        this.events = events;
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(
            operationId = "streamEvents",
            summary = "Live events: polls submitted, revised, retracted; averages recomputed",
            description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "An endless stream of events, with a heartbeat comment every 15 s",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(implementation = EventData.class)))
    @InvalidParameterResponse
    @APIResponse(
            responseCode = "503",
            description = "This instance serves as many event streams as it may; retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .INTEGER)))
    public void events(
            @Parameter(
                            description = "Only events of these series (keys; repeat or separate with commas)",
                            example = "biden-covid-approval")
                    @QueryParam("series")
                    List<String> series,
            @Parameter(description = "Only events of these pollsters' polls (slugs; repeat or separate with commas)")
                    @QueryParam("pollster")
                    List<String> pollsters,
            @Parameter(
                            description = "Only events of these types (repeat or separate with commas)",
                            example = "poll-submitted")
                    @QueryParam("type")
                    List<String> types,
            @Parameter(description = "Resume after this event id, for clients that cannot send Last-Event-ID")
                    @QueryParam("lastEventId")
                    String lastEventIdParameter,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = "Last-Event-ID",
                            description = "Resume after this event id (sent by browsers when they reconnect)")
                    @HeaderParam("Last-Event-ID")
                    String lastEventIdHeader,
            @Context SseEventSink sink,
            @Context Sse sse)
            throws SQLException {
        Long lastEventId = LiveEvents.lastEventId(lastEventIdHeader, lastEventIdParameter);
        EventFilter filter = events.filter(types, series, pollsters);
        hub.subscribe(filter, lastEventId, sink, sse);
    }

    @ServerExceptionMapper
    public Response full(LiveEventHub.Full e, UriInfo uri) {
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", e.retryAfterSeconds())
                .entity(new Problem(
                        "about:blank",
                        "Service Unavailable",
                        503,
                        e.getMessage(),
                        uri.getRequestUri().getRawPath(),
                        List.of()))
                .build();
    }
}
