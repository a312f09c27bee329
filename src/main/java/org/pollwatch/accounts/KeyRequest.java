package org.pollwatch.accounts;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What POST /admin/keys issues: an administrator key, or a key of one pollster. */
@Schema(name = "KeyRequest")
public record KeyRequest(
        @Schema(description = "What the key is for, shown in lists", example = "IDI newsroom uploads")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(
                enumeration = {"admin", "pollster"},
                example = "pollster")
        @NotNull
        @Pattern(regexp = "admin|pollster", message = "must be admin or pollster")
        String role,

        @Schema(
                description = "Slug of the pollster (required for role pollster, absent for admin)",
                example = "israel-democracy-institute")
        @Size(max = 80)
        String pollster,

        @Schema(description = "Scopes of a pollster key (default both): polls, series") @Size(max = 2)
        List<@NotNull @Pattern(regexp = "polls|series", message = "must be polls or series") String> scopes,

        @Schema(description = "When the key stops working (default: never)") @Future
        OffsetDateTime expiresAt) {}
