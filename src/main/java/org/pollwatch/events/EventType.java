package org.pollwatch.events;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of event GET /events sends, named as in the stream's {@code event:} field. */
public enum EventType {
    POLL_SUBMITTED("poll-submitted"),
    POLL_REVISED("poll-revised"),
    POLL_RETRACTED("poll-retracted"),
    AVERAGE_RECOMPUTED("average-recomputed"),
    /** Sent first when the client's Last-Event-ID is older than the history: it should reload. */
    EVENTS_MISSED("events-missed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
