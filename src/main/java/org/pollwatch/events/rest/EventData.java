package org.pollwatch.events.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON {@code data} of each event, for the OpenAPI document (the stream writes it as text). */
@Schema(name = "LiveEvent", description = "The data of one event of GET /events")
public record EventData(
        @Schema(
                description =
                        "The event's id, as in the stream's id: field; ids grow in commit order on every instance",
                example = "1234")
        long id,

        @Schema(
                description = "The event type, as in the stream's event: field",
                enumeration = {"poll-submitted", "poll-revised", "poll-retracted", "average-recomputed", "events-missed"
                })
        String type,

        @Schema(
                description = "The poll, for poll events and averages moved by one poll",
                nullable = true,
                example = "42")
        Long pollId,

        @Schema(description = "Keys of the affected series (one for average-recomputed)")
        List<String> series,

        @Schema(description = "Slug of the poll's pollster, if one poll changed", nullable = true)
        String pollster,

        @Schema(description = "When the change was written (UTC)", example = "2026-12-02T16:40:00Z")
        String time,

        @Schema(description = "events-missed only: the id the client resumed from", nullable = true)
        Long lastEventId) {}
