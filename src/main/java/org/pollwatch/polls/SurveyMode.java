package org.pollwatch.polls;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How respondents were interviewed. */
public enum SurveyMode {
    @JsonProperty("online")
    ONLINE,
    @JsonProperty("phone")
    PHONE,
    @JsonProperty("ivr")
    IVR,
    @JsonProperty("face_to_face")
    FACE_TO_FACE,
    @JsonProperty("mixed")
    MIXED;
}
