package org.pollwatch.polls;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who a poll sampled. Free-text detail (e.g. "Israeli adults") goes in the poll's
 * populationDescription. Each population also has the short code of FiveThirtyEight's files (a, rv,
 * lv, v), which the trend engine uses too.
 */
public enum Population {
    @JsonProperty("adults")
    ADULTS("a"),
    @JsonProperty("registered_voters")
    REGISTERED_VOTERS("rv"),
    @JsonProperty("likely_voters")
    LIKELY_VOTERS("lv"),
    @JsonProperty("voters")
    VOTERS("v"),
    @JsonProperty("other")
    OTHER("other");

    private final String shortCode;

    Population(String shortCode) {
        this.shortCode = shortCode;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** a, rv, lv, v or other. */
    public String shortCode() {
        return shortCode;
    }

    /** The population of a short code; any other code is {@link #OTHER}. */
    public static Population fromShortCode(String code) {
        for (Population population : values()) {
            if (population.shortCode.equals(code)) {
                return population;
            }
        }
        return OTHER;
    }
}
