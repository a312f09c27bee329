package org.pollwatch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.pollwatch.events.config.EventsConfig;

/**
 * The events kept in {@code live_event}: what a reconnecting client missed, and what the listener
 * reads when PostgreSQL wakes it. The rows are shared by every instance, so a client resumes on any.
 */
@ApplicationScoped
public class LiveEventHistory {

    private final DataSource database;
    private final ObjectMapper json;
    private final EventsConfig config;

    public LiveEventHistory(DataSource database, ObjectMapper json, EventsConfig config) {
        this.database = database;
        this.json = json;
        this.config = config;
    }

    /** What a client that last saw {@code lastEventId} gets before the live events. */
    public record Resumption(boolean missed, long latest, List<LiveEvent> events) {}

    /**
     * The events after {@code lastEventId}, or "missed" when some of them are no longer kept (or the
     * id is newer than any event: from another database, or a counter reset).
     */
    public Resumption after(long lastEventId) throws SQLException {
        try (Connection connection = database.getConnection()) {
            long latest;
            Long oldest;
            try (PreparedStatement bounds = connection.prepareStatement(
                            "select (select value from live_event_counter where id = 1), (select min(id) from live_event)");
                    ResultSet row = bounds.executeQuery()) {
                row.next();
                latest = row.getLong(1);
                oldest = (Long) row.getObject(2);
            }
            boolean missed = lastEventId > latest
                    || latest - lastEventId > config.historySize()
                    || (lastEventId < latest && (oldest == null || oldest > lastEventId + 1));
            if (missed) {
                return new Resumption(true, latest, List.of());
            }
            return new Resumption(false, latest, read(connection, lastEventId, latest));
        }
    }

    /** The stored events with ids in (after, upTo], oldest first, at most one history's worth. */
    List<LiveEvent> read(Connection connection, long after, long upTo) throws SQLException {
        List<LiveEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, payload::text from live_event where id > ? and id <= ? order by id limit ?")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setInt(3, config.historySize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(parse(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return events;
    }

    LiveEvent parse(long id, String text) {
        try {
            JsonNode data = json.readTree(text);
            List<String> series = new ArrayList<>();
            data.path("series").forEach(key -> series.add(key.asText()));
            JsonNode pollster = data.path("pollster");
            return new LiveEvent(
                    id,
                    data.path("type").asText(),
                    List.copyOf(series),
                    pollster.isTextual() ? pollster.asText() : null,
                    text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable live event " + id, e);
        }
    }
}
