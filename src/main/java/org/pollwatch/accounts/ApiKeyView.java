package org.pollwatch.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key as administrators see it; {@code key} is present only in the answer that issued it. */
@Schema(name = "ApiKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        @Schema(example = "51") long id,

        @Schema(description = "Not secret: identifies the key in lists and the audit log", example = "pw_3f9a0c12b7de")
        String prefix,

        @Schema(
                description = "The key itself: shown once, in the answer to POST /admin/keys; only its HMAC is stored",
                example = "pw_3f9a0c12b7de_kQ2vX0...")
        String key,

        @Schema(example = "IDI newsroom uploads") String name,
        @Schema(enumeration = {"admin", "pollster"}) String role,

        @Schema(description = "Slug of the pollster a pollster key writes for", example = "israel-democracy-institute")
        String pollster,

        @Schema(description = "What a pollster key may write: polls, series")
        List<String> scopes,

        OffsetDateTime createdAt,

        @Schema(description = "Last authenticated use, written at most once a minute")
        OffsetDateTime lastUsedAt,

        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt) {

    public static ApiKeyView of(ApiKey key, String secret) {
        return new ApiKeyView(
                key.id,
                key.prefix,
                secret,
                key.name,
                key.role,
                key.pollster == null ? null : key.pollster.slug,
                List.copyOf(key.scopes),
                key.createdAt,
                key.lastUsedAt,
                key.expiresAt,
                key.revokedAt);
    }
}
