package org.pollwatch.pollsters;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pollster as registered and served. The slug is its stable identifier in URLs and poll documents. */
@Schema(name = "Pollster")
public record PollsterDocument(
        @Schema(example = "israel-democracy-institute")
        @NotBlank
        @Size(max = 80)
        @Pattern(
                regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lower-case letters and digits separated by single hyphens")
        String slug,

        @Schema(example = "Israel Democracy Institute") @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "https://en.idi.org.il")
        @Size(max = 500)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String website,

        @Schema(description = "ISO 3166-1 alpha-2 country code of its headquarters", example = "IL")
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as IL or US")
        String country) {

    static PollsterDocument of(Pollster pollster) {
        return new PollsterDocument(pollster.slug, pollster.name, pollster.website, pollster.country);
    }
}
