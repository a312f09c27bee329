package org.pollwatch.polls;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An earlier version of a poll: what it said before a revision replaced it. */
@Schema(name = "PollRevision")
public record RevisionView(
        @Schema(description = "The poll version this snapshot holds")
        int revision,

        @Schema(description = "When it was replaced") OffsetDateTime replacedAt,
        String reason,

        @Schema(
                description = "Who made the revision that replaced it: the API key as the audit log names it",
                example = "key 51 (pw_3f9a0c12b7de)")
        String revisedBy,

        PollView poll) {}
