package org.pollwatch.common;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.pollwatch.problems.HttpLayerProblems;

/**
 * Refuses a JSON write whose declared size is over {@link InputLimits#MAX_DOCUMENT_BYTES} with 413
 * before any of it is read: parsing and validating a body far beyond what any poll needs can exhaust
 * the heap first. Imports (CSV, streamed) keep the server's larger limit.
 */
@ApplicationScoped
public class DocumentSizeLimit {

    private final HttpLayerProblems problems;

    public DocumentSizeLimit(HttpLayerProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpMethod method = request.method();
        boolean write =
                HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method);
        String length = request.getHeader("Content-Length");
        if (!write || length == null || request.path().startsWith("/imports/") || !tooLong(length)) {
            context.next();
            return;
        }
        problems.send(
                context,
                413,
                "Content Too Large",
                "The body declares " + length.trim() + " bytes; a JSON document may have at most "
                        + InputLimits.MAX_DOCUMENT_BYTES + " (" + InputLimits.MAX_DOCUMENT_BYTES / (1024 * 1024)
                        + " MiB)",
                "Content-Length");
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > InputLimits.MAX_DOCUMENT_BYTES;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
