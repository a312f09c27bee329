package org.pollwatch.pollsters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.common.access.Access;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.AuditLog;
import org.pollwatch.common.idempotency.IdempotentWrites;
import org.pollwatch.problems.ProblemException;

@ApplicationScoped
public class PollsterService {

    private final Access access;
    private final AuditLog audit;

    private final IdempotentWrites idempotentWrites;

    public PollsterService(Access access, AuditLog audit, IdempotentWrites idempotentWrites) {
        this.idempotentWrites = idempotentWrites;
        this.access = access;
        this.audit = audit;
    }

    @ReadOnlyTransaction
    public List<PollsterDocument> list() {
        return Pollster.listByName().stream().map(PollsterDocument::of).toList();
    }

    @ReadOnlyTransaction
    public PollsterDocument get(String slug) {
        return PollsterDocument.of(find(slug));
    }

    @Transactional
    public PollsterDocument register(PollsterDocument document) {
        Actor actor = access.actor();
        if (!actor.admin()) {
            throw Access.forbidden("Only administrator keys register pollsters");
        }
        if (Pollster.findBySlug(document.slug()).isPresent()) {
            throw ProblemException.conflict("A pollster with slug '" + document.slug() + "' already exists");
        }
        Pollster pollster = new Pollster();
        pollster.slug = document.slug();
        pollster.name = document.name().trim();
        pollster.website = document.website();
        pollster.country = document.country();
        pollster.persist();
        idempotentWrites.settle("/pollsters/" + pollster.slug);
        audit.record(actor, "pollster.register", null, "pollster " + pollster.slug, null);
        return PollsterDocument.of(pollster);
    }

    /**
     * Refuses a filter naming a pollster that does not exist (400 naming {@code parameter}): a typo would
     * otherwise filter nothing, or everything, without a word.
     */
    public static void requireKnown(String parameter, Collection<String> slugs) {
        List<String> unknown = Pollster.unknownSlugs(slugs);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField(
                    parameter,
                    "no pollster with slug "
                            + String.join(
                                    ", ",
                                    unknown.stream().map(s -> "'" + s + "'").toList()) + "; GET /pollsters lists them");
        }
    }

    public static Pollster find(String slug) {
        return Pollster.findBySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No pollster with slug '" + slug + "'"));
    }
}
