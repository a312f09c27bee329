package org.pollwatch.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The types of the query parameters the service takes as text and parses itself (so that a bad value
 * is a 400 naming it, see {@code common.Params}): the scanner only sees a string. A name means the
 * same thing on every operation of this API, so the types are given here once, by name, with the
 * bounds the parsing enforces.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ParameterSchemas implements OASFilter {

    private static final Map<String, Supplier<Schema>> TYPES = Map.of(
            "page", () -> integer(0, 1_000_000).defaultValue(0),
            "size", () -> integer(1, 100).defaultValue(20),
            "width", () -> integer(200, 2400),
            "height", () -> integer(200, 2400),
            "maxwidth", () -> integer(100, 10_000),
            "maxheight", () -> integer(100, 10_000),
            "question", () -> integer(1, null).format("int64"),
            "against", () -> integer(1, null).format("int64"),
            // a fraction, or a percentage: 90 means 0.90
            "confidence",
                    () -> OASFactory.createSchema()
                            .addType(SchemaType.NUMBER)
                            .minimum(new BigDecimal("0.5"))
                            .maximum(new BigDecimal("99.9")),
            "population", () -> OASFactory.createSchema().ref("Population"));

    /** Examples of the path ids, for the operations that give none: the seeded IDI poll and its pollster. */
    private static final Map<String, Object> PATH_EXAMPLES =
            Map.of("id", 1, "qid", 1, "slug", "israel-democracy-institute", "key", "biden-covid-approval");

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.PATH
                && parameter.getExample() == null
                && (parameter.getExamples() == null || parameter.getExamples().isEmpty())
                && PATH_EXAMPLES.containsKey(parameter.getName())) {
            // without one, Swagger UI's "Try it out" cannot send the request at all
            parameter.setExample(PATH_EXAMPLES.get(parameter.getName()));
        }
        Supplier<Schema> type = TYPES.get(parameter.getName());
        Schema schema = parameter.getSchema();
        if (type == null || parameter.getIn() != Parameter.In.QUERY || schema == null) {
            return parameter;
        }
        if (isString(schema)) {
            parameter.setSchema(type.get());
            if (parameter.getExample() instanceof String text
                    && parameter.getSchema().getRef() == null) {
                parameter.setExample(new BigDecimal(text)); // "95" becomes the number it stands for
            }
        } else if (schema.getType() != null
                && schema.getType().contains(SchemaType.ARRAY)
                && schema.getItems() != null
                && isString(schema.getItems())) {
            schema.setItems(type.get());
        }
        return parameter;
    }

    private static boolean isString(Schema schema) {
        return schema.getRef() == null
                && schema.getEnumeration() == null
                && schema.getType() != null
                && schema.getType().equals(java.util.List.of(SchemaType.STRING));
    }

    private static Schema integer(int minimum, Integer maximum) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(BigDecimal.valueOf(minimum));
        return maximum == null ? schema : schema.maximum(BigDecimal.valueOf(maximum));
    }
}
