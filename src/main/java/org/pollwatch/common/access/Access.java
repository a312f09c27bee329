package org.pollwatch.common.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.pollwatch.problems.ProblemException;

/**
 * Ownership, decided in the services from the request's {@code SecurityIdentity}: the resources'
 * {@code @RolesAllowed} have let only keys in; this says what a key may touch. A refusal is a 403
 * problem, thrown before anything is stored.
 */
@ApplicationScoped
public class Access {

    private final SecurityIdentity identity;

    public Access(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The key making this request; the resources' role checks guarantee there is one. */
    public Actor actor() {
        Actor actor = identity.getAttribute(Actor.ATTRIBUTE);
        if (actor == null) {
            throw new io.quarkus.security.UnauthorizedException("no API key");
        }
        return actor;
    }

    /** 403 unless the key writes for this pollster (its own) or is an administrator's, with the scope. */
    public Actor requirePollster(long pollsterId, String pollsterSlug, String scope) {
        Actor actor = requireScope(scope);
        if (!actor.mayWritePollster(pollsterId)) {
            throw forbidden("This key writes only its own pollster's data, not pollster '" + pollsterSlug + "'");
        }
        return actor;
    }

    /** 403 unless the key holds the scope (administrator keys hold every scope). */
    public Actor requireScope(String scope) {
        Actor actor = actor();
        if (!actor.admin() && !actor.scopes().contains(scope)) {
            throw forbidden("This key lacks the scope '" + scope + "'");
        }
        return actor;
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }
}
