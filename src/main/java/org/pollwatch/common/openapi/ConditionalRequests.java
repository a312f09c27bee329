package org.pollwatch.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers of caching and creation ({@code common.HttpCaching}), documented where they are sent:
 * a read that can answer 304 sends {@code ETag} and {@code Cache-Control} and takes
 * {@code If-None-Match}; a 201 sends {@code Location}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ConditionalRequests implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (operation.getResponses().getAPIResponse("304") != null && ok != null) {
            addHeader(ok, "ETag", "Version of this answer; send it back in If-None-Match");
            addHeader(ok, "Cache-Control", "How long the answer may be reused before asking again");
            boolean listed = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "If-None-Match".equalsIgnoreCase(p.getName()));
            if (!listed) {
                operation.addParameter(OASFactory.createParameter()
                        .name("If-None-Match")
                        .in(Parameter.In.HEADER)
                        .description("ETag of a copy the client holds: 304 without a body while it is current")
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
            }
        }
        APIResponse created = operation.getResponses().getAPIResponse("201");
        if (created != null) {
            addHeader(created, "Location", "Where what was created can be read");
        }
        return operation;
    }

    private static void addHeader(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader()
                    .description(description)
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING));
            response.addHeader(name, header);
        }
    }
}
