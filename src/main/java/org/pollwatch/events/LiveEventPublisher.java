package org.pollwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.pollwatch.common.DataChanged;

/**
 * Turns each {@link DataChanged} into live events, written in the changing transaction: ids from
 * the {@code live_event_counter} row, the events into {@code live_event}, and a {@code NOTIFY
 * pollwatch_events} that PostgreSQL delivers to every listening instance only if the transaction
 * commits. A rolled-back write announces nothing and uses no id.
 */
@ApplicationScoped
public class LiveEventPublisher {

    /** The channel every instance listens on. */
    public static final String CHANNEL = "pollwatch_events";

    /** NOTIFY payloads must stay under 8000 bytes; longer batches are announced by their ids alone. */
    private static final int MAX_PAYLOAD_BYTES = 7000;

    private final EntityManager em;
    private final ObjectMapper json;

    public LiveEventPublisher(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Runs after the read cache has raised the data generation (a lower priority runs first): every
     * writing transaction locks that row and then the counter row, in that order, so two writers
     * never wait for each other's second lock. The counter's lock, held to commit, orders ids as
     * commits are ordered.
     */
    void publish(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) DataChanged change) {
        List<Draft> drafts = drafts(change);
        if (drafts.isEmpty()) {
            return;
        }
        if (QuarkusTransaction.isActive()) {
            write(drafts);
        } else {
            // an import's last event comes after its chunks' transactions
            QuarkusTransaction.requiringNew().run(() -> write(drafts));
        }
    }

    /** An event before it has its id. */
    private record Draft(EventType type, Long pollId, List<String> series, String pollster) {}

    private static List<Draft> drafts(DataChanged change) {
        List<String> series = change.series().stream().sorted().toList();
        List<Draft> drafts = new ArrayList<>();
        if (change.change() != null && change.pollId() != null) {
            EventType type = switch (change.change()) {
                case SUBMITTED -> EventType.POLL_SUBMITTED;
                case REVISED -> EventType.POLL_REVISED;
                case RETRACTED -> EventType.POLL_RETRACTED;
            };
            drafts.add(new Draft(type, change.pollId(), series, change.pollster()));
        }
        for (String key : series) {
            drafts.add(new Draft(EventType.AVERAGE_RECOMPUTED, change.pollId(), List.of(key), change.pollster()));
        }
        return drafts;
    }

    private void write(List<Draft> drafts) {
        em.unwrap(Session.class).doWork(connection -> {
            long last;
            try (PreparedStatement take = connection.prepareStatement(
                    "update live_event_counter set value = value + ? where id = 1 returning value")) {
                take.setInt(1, drafts.size());
                try (ResultSet row = take.executeQuery()) {
                    row.next();
                    last = row.getLong(1);
                }
            }
            long id = last - drafts.size() + 1;
            String time = Instant.now().toString();
            List<String> texts = new ArrayList<>(drafts.size());
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into live_event (id, type, payload) values (?, ?, ?::json)")) {
                for (Draft draft : drafts) {
                    String text = data(id, draft, time);
                    texts.add(text);
                    insert.setLong(1, id);
                    insert.setString(2, draft.type().wireName());
                    insert.setString(3, text);
                    insert.addBatch();
                    id++;
                }
                insert.executeBatch();
            }
            String payload = "[" + String.join(",", texts) + "]";
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                payload = "{\"upTo\":" + last + "}";
            }
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        });
    }

    private String data(long id, Draft draft, String time) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("type", draft.type().wireName());
        data.put("pollId", draft.pollId());
        data.put("series", draft.series());
        data.put("pollster", draft.pollster());
        data.put("time", time);
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write event " + id, e);
        }
    }
}
