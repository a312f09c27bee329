package org.pollwatch.stats.trend;

import java.util.List;
import java.util.Locale;

/**
 * Which version to keep when one poll (same pollster, same field dates) is reported for several
 * populations. Earlier in {@code order} wins; labels not listed rank after all listed ones.
 *
 * @param order population labels, most preferred first (compared case-insensitively)
 */
public record PopulationPreference(List<String> order) {

    /** Likely voters > registered voters > voters > adults: the usual rule for election polls. */
    public static final PopulationPreference LIKELY_VOTERS_FIRST =
            new PopulationPreference(List.of("lv", "rv", "v", "a"));

    /**
     * Adults > registered voters > likely voters > voters: FiveThirtyEight's rule for approval
     * ratings, which measure the whole public's opinion.
     */
    public static final PopulationPreference ADULTS_FIRST = new PopulationPreference(List.of("a", "rv", "lv", "v"));

    public PopulationPreference {
        order = order.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** 0 for the most preferred label, {@code order.size()} for unlisted or null labels. */
    public int rank(String population) {
        if (population == null) return order.size();
        int i = order.indexOf(population.trim().toLowerCase(Locale.ROOT));
        return i < 0 ? order.size() : i;
    }
}
