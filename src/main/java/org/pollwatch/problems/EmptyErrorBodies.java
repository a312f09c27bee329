package org.pollwatch.problems;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Error answers that the framework produced without a body (a 404 for an unparsable path
 * parameter, 405, 406, 412 of a precondition, 415...) get a problem body like every other error.
 */
public class EmptyErrorBodies {

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || "HEAD".equals(request.getMethod())) {
            return;
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : family.name();
        response.setEntity(
                new Problem(
                        "about:blank",
                        title,
                        status,
                        detail(status, request),
                        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                        List.of()),
                null,
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private static String detail(int status, ContainerRequestContext request) {
        return switch (status) {
            case 404 -> "No resource at this path (ids are whole numbers, keys and slugs lower-case words)";
            case 405 -> request.getMethod() + " is not allowed here";
            case 406 -> "None of the media types in Accept can be served here";
            case 412 -> "If-Match or If-Unmodified-Since does not match the resource's current version";
            case 415 -> "The request body's media type is not accepted here";
            default -> "The request could not be served";
        };
    }
}
