package org.pollwatch.accounts;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the append-only audit log. */
@Schema(name = "AuditEvent")
public record AuditEventView(
        long id,
        OffsetDateTime occurredAt,

        @Schema(description = "Id of the API key that made the write; absent for the bootstrap key")
        Long actorKeyId,

        @Schema(example = "key 51 (pw_3f9a0c12b7de)") String actor,
        @Schema(example = "poll.revise") String action,
        Long pollId,

        @Schema(
                description = "What else the write touched: a pollster, series, key or import",
                example = "pollster israel-democracy-institute")
        String subject,

        @Schema(description = "X-Request-Id of the write") String requestId,
        String reason) {}
