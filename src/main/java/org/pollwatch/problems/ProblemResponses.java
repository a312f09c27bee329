package org.pollwatch.problems;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error of the API is a problem document ({@link ProblemMappers}), so the API document says so
 * once, here: each 4xx and 5xx response an operation declares without a body gets the
 * {@code application/problem+json} {@link Problem} body. Resources then declare an error by its
 * status and description alone, and spell out a body only to give an example (its media type and
 * example: the schema is added here). An operation that
 * requires a key gets its 401 here too, and every operation the answers any request may get (400, 404,
 * 412, 413, 414, 415, 429, 431, 503 where they apply), as those answers are the same for every one of them.
 */
public class ProblemResponses implements OASFilter {

    static final String NO_VALID_KEY = "No valid API key (missing, unknown, revoked or expired)";
    static final String TOO_MANY =
            "Over the rate limit of the key or of the client address; retry after Retry-After seconds";

    @Override
    public Operation filterOperation(Operation operation) {
        if (requiresKey(operation) && operation.getResponses() != null) {
            addIfAbsent(operation, "401", OASFactory.createAPIResponse().description(NO_VALID_KEY));
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        answersOfEveryOperation(operation);
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!isError(status) || response.getRef() != null) {
                return;
            }
            if (hasNoBody(response)) {
                response.setContent(OASFactory.createContent()
                        .addMediaType(Problem.MEDIA_TYPE, problemBody().example(example(status, response))));
            } else if (response.getContent().getMediaType(Problem.MEDIA_TYPE) != null) {
                MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
                if (problem.getSchema() == null) {
                    problem.setSchema(problemSchema());
                }
                if (problem.getExample() == null
                        && (problem.getExamples() == null
                                || problem.getExamples().isEmpty())) {
                    problem.setExample(example(status, response));
                }
            }
        });
        return operation;
    }

    /**
     * What any request may be answered, whatever the operation: limits of the HTTP layer and the rate
     * limiter, and the database being unreachable. A body or parameters can also be invalid.
     */
    private static void answersOfEveryOperation(Operation operation) {
        // an invalid parameter or body, or a request line the HTTP layer cannot decode (bad percent-encoding)
        addIfAbsent(
                operation,
                "400",
                OASFactory.createAPIResponse().description("Invalid request: the offending fields are listed"));
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> parameter.getIn() == In.PATH)) {
            addIfAbsent(operation, "404", OASFactory.createAPIResponse().description("Nothing found at this path"));
        }
        if (operation.getResponses().getAPIResponse("304") != null) {
            addIfAbsent(
                    operation,
                    "412",
                    OASFactory.createAPIResponse().description("If-Match names another version than the current one"));
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(
                    operation, "413", OASFactory.createAPIResponse().description("Request body over its size limit"));
            addIfAbsent(
                    operation,
                    "415",
                    OASFactory.createAPIResponse().description("Body of a media type the operation does not take"));
        }
        addIfAbsent(operation, "414", OASFactory.createAPIResponse().description("Request line over its size limit"));
        addIfAbsent(
                operation, "431", OASFactory.createAPIResponse().description("Request headers over their size limit"));
        addIfAbsent(
                operation,
                "429",
                OASFactory.createAPIResponse()
                        .description(TOO_MANY)
                        .addHeader("Retry-After", retryAfter("Seconds until the limit allows another request")));
        addIfAbsent(
                operation,
                "503",
                OASFactory.createAPIResponse()
                        .description(
                                "The database cannot be reached (retry after Retry-After), or a write's outcome is unknown"
                                        + " (retry with the same Idempotency-Key)")
                        .addHeader("Retry-After", retryAfter("Seconds after which to retry")));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header retryAfter(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().addType(SchemaType.INTEGER));
    }

    /** An example problem of this status, its detail the response's own description. */
    private static java.util.Map<String, Object> example(String status, APIResponse response) {
        int code = Integer.parseInt(status);
        jakarta.ws.rs.core.Response.StatusType known = jakarta.ws.rs.core.Response.Status.fromStatusCode(code);
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", code == 503 ? DatabaseFailures.UNAVAILABLE : "about:blank");
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", code);
        problem.put("detail", response.getDescription() == null ? "" : response.getDescription());
        return problem;
    }

    private static MediaType problemBody() {
        return OASFactory.createMediaType().schema(problemSchema());
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().ref("Problem");
    }

    /**
     * Adds the response unless the operation declares that status itself; an error answer added
     * without a body gets its problem body and example from this filter.
     */
    public static void addIfAbsent(Operation operation, String status, APIResponse response) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, response);
        }
    }

    private static boolean requiresKey(Operation operation) {
        return operation.getSecurity() != null
                && operation.getSecurity().stream()
                        .anyMatch(requirement -> !requirement.getSchemes().isEmpty());
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static boolean hasNoBody(APIResponse response) {
        return response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }
}
