package org.pollwatch.events;

import java.util.Set;

/**
 * Which events a subscriber wants: an empty set lets every value through. An event passes when its
 * type is wanted, one of its series is, and its pollster is (events of no pollster, such as an
 * import's recomputed average, pass no pollster filter). "events-missed" always passes.
 */
public record EventFilter(Set<EventType> types, Set<String> series, Set<String> pollsters) {

    public EventFilter {
        types = Set.copyOf(types);
        series = Set.copyOf(series);
        pollsters = Set.copyOf(pollsters);
    }

    public static final EventFilter ALL = new EventFilter(Set.of(), Set.of(), Set.of());

    public boolean accepts(LiveEvent event) {
        if (!types.isEmpty() && types.stream().noneMatch(t -> t.wireName().equals(event.type()))) {
            return false;
        }
        if (!series.isEmpty() && event.series().stream().noneMatch(series::contains)) {
            return false;
        }
        return pollsters.isEmpty() || (event.pollster() != null && pollsters.contains(event.pollster()));
    }
}
