package org.pollwatch.common.openapi;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A value of a {@code seriesChoices} map: the key of a series choice, or null to leave the option out. */
@Schema(
        name = "ChoiceKeyOrNull",
        type = SchemaType.STRING,
        nullable = true,
        description = "Choice key, or null to leave the option out")
public interface ChoiceKeyOrNull {}
