package org.pollwatch.common.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.pollwatch.problems.DatabaseFailures;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.Problem;
import org.pollwatch.problems.ProblemMappers;

/**
 * {@code Idempotency-Key} on every POST. The first request with a key claims it and its answer (any
 * status below 500) is stored; a retry with the same key, path and body gets that answer again
 * (with {@code Idempotent-Replayed: true}) without running again; the same key with another request
 * is a 422; a retry while the first is still running is a 409. A write that committed although its
 * answer was lost (settled in its transaction, see {@link IdempotentWrites}) answers a retry with 303
 * and its {@code Location}. An answer of 500 or more frees the key unless its write committed, and a
 * claim its holder could not free (the database was gone) is taken over after a lease.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String KEY_REUSED = "urn:pollwatch:problem:idempotency-key-reused";
    static final String IN_PROGRESS = "urn:pollwatch:problem:idempotency-key-in-progress";

    static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyKeys keys;
    private final IdempotentWrites writes;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotencyKeys keys, IdempotentWrites writes, ObjectMapper json) {
        this.keys = keys;
        this.writes = writes;
        this.json = json;
    }

    @ServerRequestFilter
    public Response claim(ContainerRequestContext request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return ProblemMappers.respond(new Problem(
                    "about:blank",
                    "Invalid request",
                    400,
                    HEADER + ": must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID is a good choice)",
                    path(request),
                    List.of(new FieldError(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters"))));
        }
        MessageDigest digest = requestDigest(request);
        IdempotencyKeys.Claim claim;
        try {
            claim = keys.claim(key);
        } catch (SQLException e) {
            Response unavailable = DatabaseFailures.problem(e, path(request), "GET");
            if (unavailable != null) {
                return unavailable;
            }
            throw new IllegalStateException("Idempotency key lookup failed", e);
        }
        if (claim.token() != null) {
            DigestInputStream body = new DigestInputStream(request.getEntityStream(), digest);
            request.setEntityStream(body);
            IdempotentWrites.Held held = new IdempotentWrites.Held(key, claim.token(), digest, body);
            writes.hold(held);
            return null;
        }
        IdempotencyKeys.Stored stored = claim.stored();
        if (!stored.answered() && !stored.written()) {
            return Response.status(409)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", 1)
                    .entity(new Problem(
                            IN_PROGRESS,
                            "Conflict",
                            409,
                            "A request with this Idempotency-Key is still being processed; retry shortly",
                            path(request),
                            List.of()))
                    .build();
        }
        try (InputStream body = new DigestInputStream(request.getEntityStream(), digest)) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        if (stored.requestHash() != null
                && !HexFormat.of().formatHex(digest.digest()).equals(stored.requestHash())) {
            return ProblemMappers.respond(new Problem(
                    KEY_REUSED,
                    "Idempotency-Key reused",
                    422,
                    "This Idempotency-Key was used for another request (another path or body); use a new key for a new request",
                    path(request),
                    List.of(new FieldError(HEADER, "already used for another request"))));
        }
        if (stored.written()) {
            // the write committed, its answer did not: point at what it created
            return Response.status(Response.Status.SEE_OTHER)
                    .header(REPLAYED, "true")
                    .header(HttpHeaders.LOCATION, stored.location())
                    .build();
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.body() != null) {
            replay.entity(stored.body()).type(stored.contentType());
        }
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            replay.header(HttpHeaders.ETAG, stored.etag());
        }
        return replay.build();
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        IdempotentWrites.Held held = writes.take();
        if (held == null) {
            return;
        }
        if (response.getStatus() >= 500) {
            keys.release(held.key(), held.token());
            return;
        }
        try {
            Object entity = response.getEntity();
            byte[] body = entity == null
                    ? null
                    : entity instanceof byte[] bytes
                            ? bytes
                            : entity instanceof String text
                                    ? text.getBytes(StandardCharsets.UTF_8)
                                    : json.writeValueAsBytes(entity);
            keys.complete(
                    held.key(),
                    held.token(),
                    held.requestHash(),
                    response.getStatus(),
                    response.getMediaType() == null
                            ? null
                            : response.getMediaType().toString(),
                    response.getHeaderString(HttpHeaders.LOCATION),
                    response.getHeaderString(HttpHeaders.ETAG),
                    body);
        } catch (IOException | SQLException e) {
            keys.release(held.key(), held.token());
        }
    }

    /** SHA-256 over the method, path, query and media type; the body is added as it is read. */
    private static MessageDigest requestDigest(ContainerRequestContext request) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String head = request.getMethod()
                + ' '
                + request.getUriInfo().getRequestUri().getRawPath()
                + '?'
                + request.getUriInfo().getRequestUri().getRawQuery()
                + '\n'
                + request.getHeaderString(HttpHeaders.CONTENT_TYPE)
                + '\n';
        digest.update(head.getBytes(StandardCharsets.UTF_8));
        return digest;
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
