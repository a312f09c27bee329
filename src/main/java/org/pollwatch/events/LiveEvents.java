package org.pollwatch.events;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.pollsters.PollsterService;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.series.Series;

/** Reads the filters of GET /events: each value must name an event type, series or pollster that exists. */
@jakarta.enterprise.context.ApplicationScoped
public class LiveEvents {

    /** The filter asked for (each list may repeat the parameter or separate values with commas). */
    @ReadOnlyTransaction
    public EventFilter filter(List<String> types, List<String> series, List<String> pollsters) {
        Set<EventType> wanted = EnumSet.noneOf(EventType.class);
        List<FieldError> errors = new ArrayList<>();
        for (String type : values(types)) {
            EventType.ofWireName(type)
                    .filter(t -> t != EventType.EVENTS_MISSED)
                    .ifPresentOrElse(
                            wanted::add,
                            () -> errors.add(new FieldError(
                                    "type",
                                    "unknown event type '" + type
                                            + "'; one of poll-submitted, poll-revised, poll-retracted,"
                                            + " average-recomputed")));
        }
        Set<String> seriesKeys = values(series);
        for (String key : seriesKeys) {
            if (Series.findByKey(key).isEmpty()) {
                errors.add(new FieldError("series", "no series with key '" + key + "'; GET /series lists them"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid request", errors);
        }
        Set<String> slugs = values(pollsters);
        PollsterService.requireKnown("pollster", slugs);
        return new EventFilter(wanted, seriesKeys, slugs);
    }

    /**
     * The id a client resumes after: the {@code Last-Event-ID} header (what browsers send when they
     * reconnect) or else the {@code lastEventId} parameter; null for neither.
     */
    public static Long lastEventId(String header, String parameter) {
        if (header != null && !header.isBlank()) {
            return id("Last-Event-ID", header);
        }
        if (parameter != null && !parameter.isBlank()) {
            return id("lastEventId", parameter);
        }
        return null;
    }

    private static long id(String name, String value) {
        try {
            long id = Long.parseLong(value.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(
                name, "'" + abbreviated(value) + "' is not an event id (the id of an event this service sent)");
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static Set<String> values(List<String> parameters) {
        Set<String> values = new LinkedHashSet<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String value : parameter.split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.trim());
                    }
                }
            }
        }
        return values;
    }
}
