package org.pollwatch.common.access;

/** The roles of API keys, as {@code @RolesAllowed} names them. Readers (every GET) need no key. */
public final class Roles {

    /** Creates pollsters, issues and revokes keys, writes any poll, imports, reads the audit log. */
    public static final String ADMIN = "admin";

    /** Writes its own pollster's polls (and attaches their questions to series). */
    public static final String POLLSTER = "pollster";

    /** The OpenAPI security scheme of API keys, named by every write operation's {@code @SecurityRequirement}. */
    public static final String BEARER_SCHEME = "bearer";

    private Roles() {}
}
