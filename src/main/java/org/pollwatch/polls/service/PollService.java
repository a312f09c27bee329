package org.pollwatch.polls.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pollwatch.common.DataChanged;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.InputLimits;
import org.pollwatch.common.PageView;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.common.Tagged;
import org.pollwatch.common.access.Access;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.AuditLog;
import org.pollwatch.common.idempotency.IdempotentWrites;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollChangesPage;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollRevision;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.PollsterDisclosureView;
import org.pollwatch.polls.RevisionView;
import org.pollwatch.pollsters.Pollster;
import org.pollwatch.pollsters.PollsterService;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;

/** Submission, revision, retraction and search of polls. Each write is one transaction: all of it or nothing. */
@ApplicationScoped
public class PollService {

    private final ObjectMapper json;
    private final QuestionMembership membership;
    private final PollQueries queries;
    private final Event<DataChanged> changes;
    private final Access access;
    private final AuditLog audit;

    private final IdempotentWrites idempotentWrites;

    public PollService(
            ObjectMapper json,
            QuestionMembership membership,
            PollQueries queries,
            Event<DataChanged> changes,
            Access access,
            AuditLog audit,
            IdempotentWrites idempotentWrites) {
        this.idempotentWrites = idempotentWrites;
        this.json = json;
        this.membership = membership;
        this.queries = queries;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
    }

    /** Stores a poll of the key's own pollster (any pollster's for an administrator key). */
    @Transactional
    public PollView submit(PollDocument document) {
        access.requireScope(Actor.POLLS);
        Checked checked = validate(document);
        Actor actor = access.requirePollster(checked.pollster().id, checked.pollster().slug, Actor.POLLS);
        Poll poll = new Poll();
        PollMapper.apply(document, checked.pollster(), poll);
        poll.persist();
        // the database computes the disclosure items: write now so the answer carries them
        poll.flush();
        checked.joining().join(poll);
        queries.refreshSearchDocument(poll.id);
        idempotentWrites.settle("/polls/" + poll.id);
        audit.record(actor, "poll.submit", poll.id, "pollster " + checked.pollster().slug, null);
        changes.fire(DataChanged.ofPoll(
                DataChanged.PollChange.SUBMITTED, poll.id, poll.pollster.slug, membership.seriesOf(poll.id)));
        return PollMapper.toView(poll);
    }

    @ReadOnlyTransaction
    public PollView get(long id) {
        return PollMapper.toView(load(id));
    }

    /** Replaces the poll's content, keeping the previous version readable at /polls/{id}/revisions. */
    @Transactional
    public PollView revise(long id, PollDocument document, Integer expectedVersion, String reason) {
        checkReasonLength(reason);
        Poll poll = load(id);
        Actor actor = access.requirePollster(poll.pollster.id, poll.pollster.slug, Actor.POLLS);
        if (expectedVersion != null && expectedVersion != poll.version) {
            throw new ProblemException(
                    412,
                    "Precondition Failed",
                    "The poll is at version " + poll.version + ", not " + expectedVersion
                            + "; read it again before revising",
                    List.of());
        }
        if (poll.status == PollStatus.RETRACTED) {
            throw ProblemException.conflict("Poll " + id + " is retracted and can no longer be revised");
        }
        Checked checked = validate(document);
        access.requirePollster(checked.pollster().id, checked.pollster().slug, Actor.POLLS);
        // a series the poll leaves has its average moved as much as one it joins
        Set<String> affected = new TreeSet<>(membership.seriesOf(poll.id));

        PollRevision revision = new PollRevision();
        revision.pollId = poll.id;
        revision.revision = poll.version;
        revision.reason = reason == null || reason.isBlank() ? null : reason.trim();
        revision.snapshot = snapshot(PollMapper.toView(poll));
        revision.revisedByKeyId = actor.keyId();
        revision.revisedBy = actor.label();
        revision.persist();

        PollMapper.apply(document, checked.pollster(), poll);
        poll.status = PollStatus.REVISED;
        // A revision may change only questions or options, which leaves the poll row itself clean and
        // Hibernate would not raise its version: the ETag would still match, and the next revision would
        // reuse this revision's number. Touching updated_at makes every revision a new version.
        poll.updatedAt = OffsetDateTime.now();
        poll.flush();
        checked.joining().join(poll);
        queries.refreshSearchDocument(poll.id);
        audit.record(actor, "poll.revise", poll.id, "version " + revision.revision + " replaced", revision.reason);
        affected.addAll(membership.seriesOf(poll.id));
        changes.fire(DataChanged.ofPoll(DataChanged.PollChange.REVISED, poll.id, poll.pollster.slug, affected));
        return PollMapper.toView(poll);
    }

    /** Retraction keeps the poll, flagged with its reason, out of default lists and averages. */
    @Transactional
    public PollView retract(long id, String reason) {
        checkReasonLength(reason);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "a retraction needs a reason");
        }
        Poll poll = load(id);
        Actor actor = access.requirePollster(poll.pollster.id, poll.pollster.slug, Actor.POLLS);
        if (poll.status != PollStatus.RETRACTED) {
            poll.status = PollStatus.RETRACTED;
            poll.retractionReason = reason.trim();
            poll.retractedAt = OffsetDateTime.now();
            poll.retractedByKeyId = actor.keyId();
            poll.retractedBy = actor.label();
            poll.flush();
            audit.record(actor, "poll.retract", poll.id, null, poll.retractionReason);
            changes.fire(DataChanged.ofPoll(
                    DataChanged.PollChange.RETRACTED, poll.id, poll.pollster.slug, membership.seriesOf(poll.id)));
        }
        return PollMapper.toView(poll);
    }

    @ReadOnlyTransaction
    public List<RevisionView> revisions(long id) {
        load(id);
        List<RevisionView> views = new ArrayList<>();
        for (PollRevision revision : PollRevision.listForPoll(id)) {
            try {
                views.add(new RevisionView(
                        revision.revision,
                        revision.recordedAt,
                        revision.reason,
                        revision.revisedBy,
                        json.readValue(revision.snapshot, PollView.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "Unreadable snapshot of poll " + id + " revision " + revision.revision, e);
            }
        }
        return views;
    }

    /**
     * A page of polls with a fingerprint of what it was built from: the total and each listed poll's
     * id and version (every change of a poll, retraction included, raises its version). Taken from the
     * rows the page is read from anyway, so it costs no query and cannot miss a commit.
     */
    @ReadOnlyTransaction
    public Tagged<PageView<PollSummary>> search(PollQuery query) {
        if (query.pollster() != null) {
            PollsterService.requireKnown("pollster", List.of(query.pollster()));
        }
        return searchKnown(query);
    }

    /** The polls of a pollster (404 problem if unknown), as GET /polls?pollster= lists them. */
    @ReadOnlyTransaction
    public Tagged<PageView<PollSummary>> ofPollster(
            String slug, boolean includeRetracted, String sort, int page, int size) {
        PollsterService.find(slug);
        return searchKnown(new PollQuery(slug, null, null, null, null, null, null, includeRetracted, sort, page, size));
    }

    /** {@link #search} once the query's pollster, if any, is known to exist. */
    private Tagged<PageView<PollSummary>> searchKnown(PollQuery query) {
        int size = Math.min(Math.max(query.size(), 1), PageView.MAX_SIZE);
        PanacheQuery<Poll> found = queries.search(query, size);
        List<Poll> page = found.list();
        long total = found.count();
        Fingerprint fingerprint =
                Fingerprint.start().add(total).add(query.page()).add(size);
        for (Poll poll : page) {
            fingerprint.add(poll.id).add(poll.version);
        }
        List<PollSummary> items = page.stream().map(PollMapper::toSummary).toList();
        return new Tagged<>(PageView.of(items, query.page(), size, total), fingerprint.hex());
    }

    /**
     * Polls written after the cursor (or {@link PollChangeCursor#START}) and last updated at or after
     * {@code since}, in the order they were written, retracted ones included: for clients that keep
     * a copy in sync. A page never skips a poll: changes of transactions that may still commit wait
     * for the next request.
     */
    @ReadOnlyTransaction
    public Tagged<PollChangesPage> changes(
            OffsetDateTime since, PollChangeCursor after, String pollsterSlug, int requestedSize) {
        int size = Math.min(Math.max(requestedSize, 1), PageView.MAX_SIZE);
        long pollsterId = -1;
        if (pollsterSlug != null) {
            PollsterService.requireKnown("pollster", List.of(pollsterSlug));
            pollsterId = PollsterService.find(pollsterSlug).id;
        }
        OffsetDateTime from =
                since == null ? InputLimits.EARLIEST_DATE.atStartOfDay().atOffset(ZoneOffset.UTC) : since;
        List<PollChangeCursor> changed = queries.changesAfter(after, from, pollsterId, size);
        long total = queries.countChangesAfter(after, from, pollsterId);
        Map<Long, Poll> byId = new HashMap<>();
        if (!changed.isEmpty()) {
            for (Poll poll : Poll.<Poll>list(
                    "id in ?1", changed.stream().map(PollChangeCursor::pollId).toList())) {
                byId.put(poll.id, poll);
            }
        }
        Fingerprint fingerprint =
                Fingerprint.start().add(total).add(after.encode()).add(size);
        List<PollSummary> items = new ArrayList<>(changed.size());
        for (PollChangeCursor change : changed) {
            Poll poll = byId.get(change.pollId());
            fingerprint.add(poll.id).add(poll.version);
            items.add(PollMapper.toSummary(poll));
        }
        PollChangeCursor next = changed.isEmpty() ? after : changed.get(changed.size() - 1);
        return new Tagged<>(
                new PollChangesPage(items, 0, size, total, (int) ((total + size - 1) / size), next.encode()),
                fingerprint.hex());
    }

    /** The polls as CSV ({@link PollCsv}): one row per poll, question and option. */
    @ReadOnlyTransaction
    public byte[] csv(List<PollSummary> polls) {
        List<Long> questions = polls.stream()
                .flatMap(p -> p.questions().stream())
                .map(PollSummary.QuestionRef::id)
                .toList();
        return PollCsv.write(polls, queries.optionsOf(questions));
    }

    /** How completely the pollster (404 problem if unknown) discloses, over its polls that are not retracted. */
    @ReadOnlyTransaction
    public Tagged<PollsterDisclosureView> disclosureOf(String slug) {
        Pollster pollster = PollsterService.find(slug);
        Map<Integer, Long> counts = queries.disclosureOf(pollster.id);
        Fingerprint fingerprint = Fingerprint.start().add(pollster.slug).add(pollster.name);
        counts.forEach((items, polls) -> fingerprint.add(items).add(polls));
        return new Tagged<>(PollsterDisclosureView.of(PollMapper.pollsterRef(pollster), counts), fingerprint.hex());
    }

    private static Poll load(long id) {
        return Poll.findFull(id).orElseThrow(() -> ProblemException.notFound("No poll with id " + id));
    }

    /** A document that passed every rule: its pollster, and how to join its questions to series. */
    private record Checked(Pollster pollster, QuestionMembership.Joining joining) {}

    private Checked validate(PollDocument document) {
        List<FieldError> errors = new ArrayList<>(PollRules.check(document));
        QuestionMembership.Joining joining = membership.check(document, errors);
        Pollster pollster = Pollster.findBySlug(document.pollster().trim()).orElse(null);
        if (pollster == null) {
            errors.add(
                    0,
                    new FieldError(
                            "pollster",
                            "no pollster with slug '" + document.pollster()
                                    + "'; register it first with POST /pollsters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid poll", errors);
        }
        return new Checked(pollster, joining);
    }

    private String snapshot(PollView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise poll " + view.id(), e);
        }
    }

    private static void checkReasonLength(String reason) {
        if (reason != null && reason.length() > InputLimits.MAX_REASON_LENGTH) {
            throw ProblemException.invalidField(
                    "reason", "must be at most " + InputLimits.MAX_REASON_LENGTH + " characters long");
        }
    }
}
