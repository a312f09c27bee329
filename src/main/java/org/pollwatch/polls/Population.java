package org.pollwatch.polls;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a poll sampled. Free-text detail (e.g. "Israeli adults") goes in the poll's populationDescription. */
public enum Population {
    @JsonProperty("adults")
    ADULTS,
    @JsonProperty("registered_voters")
    REGISTERED_VOTERS,
    @JsonProperty("likely_voters")
    LIKELY_VOTERS,
    @JsonProperty("voters")
    VOTERS,
    @JsonProperty("other")
    OTHER;

    public String code() {
        return name().toLowerCase();
    }
}
