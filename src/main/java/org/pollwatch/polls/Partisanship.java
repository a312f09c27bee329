package org.pollwatch.polls;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who the sponsor of a poll is, as FiveThirtyEight marks polls: an internal poll is one a campaign or
 * party commissioned about its own race; a partisan one is paid for by a party, campaign or group that
 * takes sides.
 */
public enum Partisanship {
    @JsonProperty("nonpartisan")
    NONPARTISAN,
    @JsonProperty("partisan")
    PARTISAN,
    @JsonProperty("internal")
    INTERNAL;
}
