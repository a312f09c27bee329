package org.pollwatch.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Makes the object schemas say what Jackson writes. Every component of an API record is written,
 * null or not, so a schema that answers carries all its properties as {@code required}; and a
 * property is nullable unless it is required on input ({@code @NotNull}) or marked
 * {@code @Schema(required = true)}, the two ways a record component states that it is never null.
 * Schemas of records that leave out nulls ({@code @JsonInclude}) keep their own lists: they are
 * named in {@link #OWN_LISTS}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ResponseSchemas implements OASFilter {

    /**
     * Schemas that keep their own lists: records written with {@code @JsonInclude(NON_NULL/NON_EMPTY)}
     * (absent, not null), and the page of {@code GET /polls}, which has {@code nextCursor} only when
     * mirroring.
     */
    static final Set<String> OWN_LISTS = Set.of("Problem", "ApiKey", "PollSummaryPage");

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        if (openAPI.getSecurity() == null || openAPI.getSecurity().isEmpty()) {
            // reading needs no key: operations that do name their scheme themselves
            openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement());
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            Map<String, Schema> all = openAPI.getComponents().getSchemas();
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(operation -> {
                        textBodies(operation);
                        arrayExamples(operation);
                    }));
            // the problem body is referenced by ProblemResponses, which may run after this filter
            Set<String> used = new HashSet<>();
            reach(OASFactory.createSchema().ref(PREFIX + "Problem"), all, used);
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().values().forEach(operation -> {
                        collect(operation, all, used, used);
                        if (operation.getParameters() != null) {
                            operation.getParameters().forEach(parameter -> reach(parameter.getSchema(), all, used));
                        }
                    }));
            List.copyOf(all.keySet()).stream()
                    .filter(name -> !used.contains(name))
                    .forEach(openAPI.getComponents()::removeSchema);
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> answered = new HashSet<>();
        Set<String> received = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations()
                            .values()
                            .forEach(operation -> collect(operation, components, answered, received)));
        }
        components.forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty() || OWN_LISTS.contains(name)) {
                return;
            }
            List<String> neverNull = schema.getRequired() == null ? List.of() : List.copyOf(schema.getRequired());
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().values().forEach(ResponseSchemas::valuesByReference);
            schema.getProperties()
                    .forEach((property, propertySchema) -> properties.put(
                            property, neverNull.contains(property) ? propertySchema : nullable(propertySchema)));
            schema.setProperties(properties);
            if (answered.contains(name) && !received.contains(name)) {
                schema.setRequired(new ArrayList<>(properties.keySet()));
            }
        });
    }

    /**
     * Pages, feeds, CSV and images are text or bytes to a client: the schema the scanner derives from a
     * template instance or a byte array says nothing and drags the template engine's types along.
     */
    private static void textBodies(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().values().forEach(response -> {
            if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                return;
            }
            response.getContent().getMediaTypes().forEach((type, media) -> {
                // an event stream keeps the schema of its events' data
                if (!type.equals("application/json") && !type.endsWith("+json") && !type.equals("text/event-stream")) {
                    Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
                    if (type.startsWith("image/") && !type.equals("image/svg+xml")) {
                        text.contentMediaType(type);
                    }
                    if (type.startsWith("text/csv")) {
                        // a download: generated clients hand it over as a file instead of parsing it as JSON
                        text.format("binary");
                    }
                    media.setSchema(text);
                }
            });
        });
    }

    /** A repeatable parameter's example is a list of values, not one value. */
    private static void arrayExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().forEach(parameter -> {
            Schema schema = parameter.getSchema();
            if (schema != null
                    && schema.getType() != null
                    && schema.getType().contains(SchemaType.ARRAY)
                    && parameter.getExample() != null
                    && !(parameter.getExample() instanceof List<?>)) {
                parameter.setExample(List.of(parameter.getExample()));
            }
        });
    }

    private static void collect(
            Operation operation, Map<String, Schema> components, Set<String> answered, Set<String> received) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation
                    .getResponses()
                    .getAPIResponses()
                    .values()
                    .forEach(response -> reach(response.getContent(), components, answered));
        }
        if (operation.getRequestBody() != null) {
            reach(operation.getRequestBody().getContent(), components, received);
        }
    }

    private static void reach(Content content, Map<String, Schema> components, Set<String> names) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> reach(media.getSchema(), components, names));
        }
    }

    private static void reach(Schema schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
            String name = schema.getRef().substring(PREFIX.length());
            if (names.add(name)) {
                reach(components.get(name), components, names);
            }
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> reach(property, components, names));
        }
        reach(schema.getItems(), components, names);
        reach(schema.getAdditionalPropertiesSchema(), components, names);
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (parts != null) {
                parts.forEach(part -> reach(part, components, names));
            }
        }
    }

    /**
     * A map whose values name a schema ({@code @Schema(additionalProperties = ...)}) gets the map's
     * value type beside the reference, which would forbid what the reference allows (null).
     */
    private static void valuesByReference(Schema property) {
        Schema values = property.getAdditionalPropertiesSchema();
        if (values != null && values.getRef() != null && values.getType() != null) {
            values.setType(null);
        }
    }

    /** The same schema, also allowing null. */
    private static Schema nullable(Schema schema) {
        boolean untyped = schema.getType() == null || schema.getType().isEmpty();
        if (schema.getRef() == null
                && untyped
                && schema.getAnyOf() == null
                && schema.getOneOf() == null
                && schema.getAllOf() == null) {
            return schema; // any value, null included
        }
        if (schema.getRef() != null || untyped) {
            if (schema.getAnyOf() != null
                    && schema.getAnyOf().stream()
                            .anyMatch(part ->
                                    part.getType() != null && part.getType().contains(SchemaType.NULL))) {
                return schema;
            }
            Schema wrapper = OASFactory.createSchema().description(schema.getDescription());
            schema.setDescription(null);
            return wrapper.addAnyOf(schema).addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (!schema.getType().contains(SchemaType.NULL)) {
            schema.addType(SchemaType.NULL);
        }
        return schema;
    }
}
