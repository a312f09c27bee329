package org.pollwatch.comparisons.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.pollwatch.stats.ConfidenceLevel;

/** The {@code confidence} query parameter every comparison takes, documented once. */
public class Confidence {

    @Parameter(
            description = "Confidence level in percent: " + ComparisonParams.CONFIDENCE_LEVELS,
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            enumeration = {"80", "90", "95", "99"},
                            defaultValue = "95"),
            example = "95")
    @QueryParam("confidence")
    String percent;

    /** The level asked for, 95 % when none is; a bad value is a 400 naming the parameter. */
    ConfidenceLevel level() {
        return ComparisonParams.confidence(percent);
    }
}
