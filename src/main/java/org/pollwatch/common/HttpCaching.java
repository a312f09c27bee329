package org.pollwatch.common;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Conditional GETs for public reads: the representation goes out with its ETag and
 * "Cache-Control: no-cache" (caches may keep it but must revalidate), and a request whose
 * If-None-Match names the current ETag gets 304 Not Modified without a body. {@link #etag} is the
 * one way an ETag is built.
 */
public final class HttpCaching {

    private HttpCaching() {}

    /**
     * The ETag of a representation of {@code kind} built from {@code parts} (ids, versions, a
     * {@link Fingerprint}): {@code kind-part1-part2...}, e.g. {@code "poll-12-v3"}.
     */
    public static EntityTag etag(String kind, Object... parts) {
        StringJoiner tag = new StringJoiner("-").add(kind);
        for (Object part : parts) {
            tag.add(String.valueOf(part));
        }
        return new EntityTag(tag.toString());
    }

    public static Response conditional(Request request, EntityTag tag, Object entity) {
        return conditional(request, tag, entity, null);
    }

    /** The same, building the body only when it is sent (not for a 304). */
    public static Response conditional(Request request, EntityTag tag, Supplier<?> entity) {
        return respond(request, tag, entity, null);
    }

    /** The same, for a body of the given media type (bytes serialised ahead, CSV). */
    public static Response conditional(Request request, EntityTag tag, Object entity, String mediaType) {
        return respond(request, tag, () -> entity, mediaType);
    }

    /** The same, of the given media type, building the body only when it is sent. */
    public static Response conditional(Request request, EntityTag tag, Supplier<?> entity, String mediaType) {
        return respond(request, tag, entity, mediaType);
    }

    public static CacheControl revalidate() {
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        cache.setPrivate(false);
        return cache;
    }

    private static Response respond(Request request, EntityTag tag, Supplier<?> entity, String mediaType) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(entity.get(), mediaType);
        return builder.tag(tag).cacheControl(revalidate()).build();
    }
}
