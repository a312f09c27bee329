package org.pollwatch.common.access;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pollwatch.common.Origins;
import org.pollwatch.problems.HttpLayerProblems;

/**
 * CORS is open for reads (dashboards on other sites read the API) and closed for writes: a write, or
 * the preflight of one, whose {@code Origin} is neither the service's own nor listed in
 * {@code pollwatch.cors.write-origins} is refused with 403 before the CORS handler or any resource
 * runs, so no {@code Access-Control-Allow-Origin} is ever sent for it. Browsers send {@code Origin} on
 * every cross-origin request; clients outside browsers (curl, servers) send none and are not affected.
 */
@ApplicationScoped
public class CrossOriginWrites {

    /** The methods that change data: refused from foreign origins here, rate-limited in {@link RateLimits}. */
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<String> writeOrigins;
    private final HttpLayerProblems problems;

    public CrossOriginWrites(CorsConfig config, HttpLayerProblems problems) {
        this.writeOrigins = config.writeOrigins().orElse(List.of()).stream()
                .map(CrossOriginWrites::normalise)
                .toList();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        // right after HttpLayerProblems' checks, before Quarkus' CORS filter answers preflights
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null
                || !isWrite(request)
                || sameOrigin(origin, request.getHeader("Host"))
                || writeOrigins.contains(normalise(origin))) {
            context.next();
            return;
        }
        problems.send(
                context,
                403,
                "Forbidden",
                "Writes from pages of origin '" + origin + "' are not allowed (reads are); "
                        + "an operator can allow that origin with pollwatch.cors.write-origins",
                "Origin");
    }

    private static boolean isWrite(HttpServerRequest request) {
        if (HttpMethod.OPTIONS.equals(request.method())) {
            String preflighted = request.getHeader("Access-Control-Request-Method");
            return preflighted != null && WRITES.contains(preflighted.trim().toUpperCase(Locale.ROOT));
        }
        return WRITES.contains(request.method().name());
    }

    /** An Origin names the service itself when its host and port are the request's Host. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI originUri = URI.create(origin.trim());
            URI hostUri = URI.create(originUri.getScheme() + "://" + host.trim());
            return Origins.sameHostAndPort(originUri, hostUri);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
