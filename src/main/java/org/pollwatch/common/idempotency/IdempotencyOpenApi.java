package org.pollwatch.common.idempotency;

import static org.pollwatch.problems.ProblemResponses.addIfAbsent;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Documents {@link IdempotencyFilter} on every POST: the header and the answers a retry may get. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        Operation post = pathItem.getPOST();
        if (post != null && post.getResponses() != null) {
            document(post);
        }
        return pathItem;
    }

    private static void document(Operation post) {
        post.addParameter(OASFactory.createParameter()
                .name(IdempotencyFilter.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Makes a retry safe: a retry with the same key, path and body gets the first answer"
                        + " again (Idempotent-Replayed: true) and stores nothing twice. Kept at least 24 hours.")
                .example("5f0c8e52-3d1b-4a8e-9d64-1c2b3a4d5e6f")
                .schema(OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .minLength(1)
                        .maxLength(IdempotencyFilter.MAX_KEY_LENGTH)
                        .pattern("^[\\x21-\\x7E]+$")));
        addIfAbsent(
                post,
                "303",
                OASFactory.createAPIResponse()
                        .description("A retry of a request whose write was stored but whose answer was lost:"
                                + " what it created is at Location")
                        .addHeader(
                                "Location",
                                OASFactory.createHeader()
                                        .description("What the first request created")
                                        .schema(OASFactory.createSchema().addType(SchemaType.STRING))));
        addIfAbsent(
                post,
                "409",
                OASFactory.createAPIResponse()
                        .description("A request with this Idempotency-Key is still running (retry after Retry-After),"
                                + " or a conflict with what is stored"));
        // their problem bodies and examples are added by ProblemResponses, as for every error answer
        addIfAbsent(
                post,
                "422",
                OASFactory.createAPIResponse().description("This Idempotency-Key was used for another request"));
    }
}
