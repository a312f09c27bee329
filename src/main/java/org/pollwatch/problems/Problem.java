package org.pollwatch.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body, served as {@code application/problem+json}.
 * {@code errors} is the extension member that lists offending fields.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Invalid poll") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,
        @Schema(example = "/polls") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Field errors listed in one problem body; the detail gives the total. */
    public static final int MAX_LISTED_ERRORS = 100;

    /** The detail line of a 400 that lists these field errors. */
    public static String detailOf(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid"
                        + (errors.size() > MAX_LISTED_ERRORS
                                ? " (the first " + MAX_LISTED_ERRORS + " are listed)"
                                : "");
    }

    /** The first {@link #MAX_LISTED_ERRORS} errors: a huge invalid request gets a small answer. */
    public static List<FieldError> listed(List<FieldError> errors) {
        return errors.size() <= MAX_LISTED_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_LISTED_ERRORS));
    }
}
