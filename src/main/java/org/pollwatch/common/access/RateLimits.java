package org.pollwatch.common.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.pollwatch.problems.Problem;

/**
 * Token buckets (Bucket4j, refilled greedily over a minute) per API key and per client address, on
 * writes and on expensive reads; a request over a limit gets 429 with {@code Retry-After} in seconds
 * before anything runs. Buckets live in each instance, so behind a load balancer of N instances a
 * caller gets up to N times the limits. The client address is the connection's, or the forwarded one
 * when {@code quarkus.http.proxy.proxy-address-forwarding} is on behind a trusted proxy.
 */
public class RateLimits {

    /** Trend, CSV, chart and house-effect reads: computed per parameter set, unlike the cached defaults. */
    static final Pattern EXPENSIVE_READ = Pattern.compile("/series/[^/]+/(trend(\\.csv|\\.svg|\\.png)?|house-effects)");

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimitConfig limits;
    private final CurrentIdentityAssociation identities;
    private final Cache<String, Bucket> buckets;

    public RateLimits(RateLimitConfig limits, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.identities = identities;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxCallers())
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest connection) {
        if (!limits.enabled()) {
            return Uni.createFrom().nullItem();
        }
        String method = request.getMethod();
        String address = connection.remoteAddress() == null
                ? "unknown"
                : connection.remoteAddress().hostAddress();
        String path = request.getUriInfo().getPath();
        if (CrossOriginWrites.WRITES.contains(method)) {
            Response refused = take("write-address:" + address, limits.writesPerAddress(), "writes from this address");
            if (refused != null) {
                return Uni.createFrom().item(refused);
            }
            boolean isImport = path.startsWith("/imports/");
            return identities.getDeferredIdentity().onItem().transform(identity -> perKey(identity, isImport));
        }
        if ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && !request.getUriInfo().getQueryParameters().isEmpty()
                && EXPENSIVE_READ.matcher(path).matches()) {
            return Uni.createFrom()
                    .item(take(
                            "read-address:" + address,
                            limits.expensiveReadsPerAddress(),
                            "trend and house-effect requests with parameters from this address"));
        }
        return Uni.createFrom().nullItem();
    }

    private Response perKey(SecurityIdentity identity, boolean isImport) {
        Actor actor = identity == null || identity.isAnonymous() ? null : identity.getAttribute(Actor.ATTRIBUTE);
        if (actor == null) {
            return null; // refused as 401 by the operation's role check
        }
        String key = actor.keyId() == null ? "bootstrap" : actor.keyId().toString();
        Response refused = take("write-key:" + key, limits.writesPerKey(), "writes with this key");
        if (refused == null && isImport) {
            refused = take("import-key:" + key, limits.importsPerKey(), "imports with this key");
        }
        return refused;
    }

    /** Null when the bucket had a token; else the 429 answer. */
    private Response take(String bucketKey, int perMinute, String what) {
        Bucket bucket = buckets.get(
                bucketKey,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, MINUTE)
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", retryAfter)
                .entity(new Problem(
                        "about:blank",
                        "Too Many Requests",
                        429,
                        "At most " + perMinute + " " + what + " per minute; retry in " + retryAfter + " s",
                        null,
                        List.of()))
                .build();
    }
}
