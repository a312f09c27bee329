package org.pollwatch.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.pollwatch.accounts.ApiKey;
import org.pollwatch.accounts.ApiKeyView;
import org.pollwatch.accounts.AuditEventView;
import org.pollwatch.accounts.KeyRequest;
import org.pollwatch.accounts.security.KeyVerifier;
import org.pollwatch.common.PageView;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.common.access.Access;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.AuditLog;
import org.pollwatch.common.access.Roles;
import org.pollwatch.common.idempotency.IdempotentWrites;
import org.pollwatch.pollsters.Pollster;
import org.pollwatch.problems.ProblemException;

/** Issuing, listing and revoking API keys, and reading the audit log: administrators only. */
@ApplicationScoped
public class KeyService {

    private final KeyVerifier keys;
    private final Access access;
    private final AuditLog audit;
    private final AccountQueries queries;

    private final IdempotentWrites idempotentWrites;

    public KeyService(
            KeyVerifier keys,
            Access access,
            AuditLog audit,
            AccountQueries queries,
            IdempotentWrites idempotentWrites) {
        this.idempotentWrites = idempotentWrites;
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.queries = queries;
    }

    /** A new key; the answer is the only place the key itself ever appears. */
    @Transactional
    public ApiKeyView issue(KeyRequest request) {
        Actor actor = requireAdmin();
        ApiKey key = new ApiKey();
        if (Roles.POLLSTER.equals(request.role())) {
            if (request.pollster() == null || request.pollster().isBlank()) {
                throw ProblemException.invalidField("pollster", "is required for a pollster key");
            }
            key.pollster = Pollster.findBySlug(request.pollster().trim())
                    .orElseThrow(() -> ProblemException.invalidField(
                            "pollster",
                            "no pollster with slug '" + request.pollster().trim() + "'"));
            key.scopes = request.scopes() == null || request.scopes().isEmpty()
                    ? new ArrayList<>(new TreeSet<>(Actor.ALL_SCOPES))
                    : new ArrayList<>(new TreeSet<>(request.scopes()));
        } else {
            if (request.pollster() != null) {
                throw ProblemException.invalidField("pollster", "an admin key belongs to no pollster");
            }
            if (request.scopes() != null && !request.scopes().isEmpty()) {
                throw ProblemException.invalidField("scopes", "an admin key holds every scope");
            }
            key.scopes = new ArrayList<>();
        }
        KeyCodec.NewKey created = KeyCodec.generate();
        key.prefix = created.prefix();
        key.secretHash = keys.codec().hash(created.key());
        key.name = request.name().trim();
        key.role = request.role();
        key.expiresAt = request.expiresAt();
        key.persist();
        key.flush();
        idempotentWrites.settle("/admin/keys/" + key.id);
        audit.record(
                actor,
                "key.issue",
                null,
                "key " + key.id + " (" + key.prefix + ") " + key.role
                        + (key.pollster == null ? "" : " of pollster " + key.pollster.slug),
                null);
        return ApiKeyView.of(key, created.key());
    }

    @ReadOnlyTransaction
    public List<ApiKeyView> list(String pollster) {
        requireAdmin();
        List<ApiKey> found = pollster == null
                ? ApiKey.listAllNewestFirst()
                : ApiKey.listForPollster(Pollster.findBySlug(pollster)
                        .orElseThrow(() -> ProblemException.notFound("No pollster with slug '" + pollster + "'"))
                        .id);
        return found.stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    @ReadOnlyTransaction
    public ApiKeyView get(long id) {
        requireAdmin();
        return ApiKeyView.of(load(id), null);
    }

    /** Revokes at once: the next request with the key, on any instance, is refused. Revoking twice is harmless. */
    @Transactional
    public ApiKeyView revoke(long id, String reason) {
        Actor actor = requireAdmin();
        ApiKey key = load(id);
        if (key.revokedAt == null) {
            key.revokedAt = OffsetDateTime.now();
            key.flush();
            audit.record(actor, "key.revoke", null, "key " + key.id + " (" + key.prefix + ")", reason);
        }
        return ApiKeyView.of(key, null);
    }

    @ReadOnlyTransaction
    public PageView<AuditEventView> audit(Long pollId, Long keyId, int page, int size) {
        requireAdmin();
        return queries.auditPage(pollId, keyId, page, Math.min(Math.max(size, 1), PageView.MAX_SIZE));
    }

    private Actor requireAdmin() {
        Actor actor = access.actor();
        if (!actor.admin()) {
            throw Access.forbidden("Only administrator keys manage keys and read the audit log");
        }
        return actor;
    }

    private static ApiKey load(long id) {
        return ApiKey.<ApiKey>find("from ApiKey k left join fetch k.pollster where k.id = ?1", id)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No API key with id " + id));
    }
}
