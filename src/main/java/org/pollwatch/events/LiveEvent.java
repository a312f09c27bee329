package org.pollwatch.events;

import java.util.List;

/**
 * One announced change, as stored in {@code live_event} and sent on the stream.
 *
 * @param id position in the database-wide order of events (the same on every instance)
 * @param type {@link EventType#wireName()}
 * @param series keys of the affected series
 * @param pollster the slug of the changed poll's pollster, or null
 * @param json the event's {@code data}: all of the above, the poll id and the time, as JSON
 */
public record LiveEvent(long id, String type, List<String> series, String pollster, String json) {}
