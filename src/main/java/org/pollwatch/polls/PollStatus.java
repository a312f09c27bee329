package org.pollwatch.polls;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life cycle of a poll: revised polls keep their earlier versions; retracted polls are kept but flagged. */
public enum PollStatus {
    @JsonProperty("published")
    PUBLISHED,
    @JsonProperty("revised")
    REVISED,
    @JsonProperty("retracted")
    RETRACTED;
}
