package org.pollwatch.common.access;

import java.util.Set;

/**
 * Who makes a write: an API key (its id, prefix and name), or the bootstrap administrator key
 * ({@code keyId} null). Carried by the request's {@code SecurityIdentity} as attribute {@link #ATTRIBUTE}.
 *
 * @param keyId id of the API key, null for the bootstrap key
 * @param label what the audit log records as the actor: "key 51 (pw_3f9a...)" or "bootstrap"
 * @param admin whether the key has the administrator role
 * @param pollsterId the pollster a pollster key belongs to (null for administrators)
 * @param scopes what a pollster key may write: {@link #POLLS}, {@link #SERIES}
 */
public record Actor(Long keyId, String label, boolean admin, Long pollsterId, Set<String> scopes) {

    public static final String ATTRIBUTE = "pollwatch.actor";

    /** Scope: submit, revise and retract the key's pollster's polls. */
    public static final String POLLS = "polls";

    /** Scope: create series and attach the pollster's poll questions to series. */
    public static final String SERIES = "series";

    public static final Set<String> ALL_SCOPES = Set.of(POLLS, SERIES);

    public Actor {
        scopes = Set.copyOf(scopes);
    }

    /** The bootstrap administrator key (configuration, or the dev-mode key). */
    public static Actor bootstrap() {
        return new Actor(null, "bootstrap", true, null, ALL_SCOPES);
    }

    public boolean mayWritePollster(long pollster) {
        return admin || (pollsterId != null && pollsterId == pollster);
    }
}
