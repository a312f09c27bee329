package org.pollwatch.polls.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pollwatch.common.Fingerprint;
import org.pollwatch.common.InputLimits;
import org.pollwatch.common.PageView;
import org.pollwatch.common.ReadOnlySession;
import org.pollwatch.common.Tagged;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollRevision;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollSummary;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.PollsChanged;
import org.pollwatch.polls.RevisionView;
import org.pollwatch.pollsters.Pollster;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.trends.service.SeriesService;

/** Submission, revision, retraction and search of polls. Each write is one transaction: all of it or nothing. */
@ApplicationScoped
public class PollService {

    /** Sort keys clients may use, mapped to entity paths. */
    private static final Map<String, String> SORTABLE = Map.of(
            "fieldEnd",
            "fieldEnd",
            "fieldStart",
            "fieldStart",
            "publishedOn",
            "publishedOn",
            "sampleSize",
            "sampleSize",
            "createdAt",
            "createdAt",
            "id",
            "id");

    private final ObjectMapper json;
    private final SeriesService series;
    private final Event<PollsChanged> changes;

    public PollService(ObjectMapper json, SeriesService series, Event<PollsChanged> changes) {
        this.json = json;
        this.series = series;
        this.changes = changes;
    }

    @Transactional
    public PollView submit(PollDocument document) {
        Pollster pollster = validate(document);
        Poll poll = new Poll();
        PollMapper.apply(document, pollster, poll);
        poll.persist();
        series.join(poll, document);
        changes.fire(new PollsChanged("poll " + poll.id + " submitted"));
        return PollMapper.toView(poll);
    }

    @Transactional
    public PollView get(long id) {
        ReadOnlySession.apply();
        return PollMapper.toView(load(id));
    }

    /** Replaces the poll's content, keeping the previous version readable at /polls/{id}/revisions. */
    @Transactional
    public PollView revise(long id, PollDocument document, Integer expectedVersion, String reason) {
        checkReasonLength(reason);
        Poll poll = load(id);
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
        Pollster pollster = validate(document);

        PollRevision revision = new PollRevision();
        revision.pollId = poll.id;
        revision.revision = poll.version;
        revision.reason = reason == null || reason.isBlank() ? null : reason.trim();
        revision.snapshot = snapshot(PollMapper.toView(poll));
        revision.persist();

        PollMapper.apply(document, pollster, poll);
        poll.status = PollStatus.REVISED;
        // A revision may change only questions or options, which leaves the poll row itself clean and
        // Hibernate would not raise its version: the ETag would still match, and the next revision would
        // reuse this revision's number. Touching updated_at makes every revision a new version.
        poll.updatedAt = OffsetDateTime.now();
        poll.flush();
        series.join(poll, document);
        changes.fire(new PollsChanged("poll " + poll.id + " revised"));
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
        if (poll.status != PollStatus.RETRACTED) {
            poll.status = PollStatus.RETRACTED;
            poll.retractionReason = reason.trim();
            poll.retractedAt = OffsetDateTime.now();
            poll.flush();
            changes.fire(new PollsChanged("poll " + poll.id + " retracted"));
        }
        return PollMapper.toView(poll);
    }

    @Transactional
    public List<RevisionView> revisions(long id) {
        ReadOnlySession.apply();
        load(id);
        List<RevisionView> views = new ArrayList<>();
        for (PollRevision revision : PollRevision.listForPoll(id)) {
            try {
                views.add(new RevisionView(
                        revision.revision,
                        revision.recordedAt,
                        revision.reason,
                        json.readValue(revision.snapshot, PollView.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(
                        "Unreadable snapshot of poll " + id + " revision " + revision.revision, e);
            }
        }
        return views;
    }

    @Transactional
    public PageView<PollSummary> search(PollQuery query) {
        return searchTagged(query).value();
    }

    /**
     * A page of polls with a fingerprint of what it was built from: the total and each listed poll's
     * id and version (every change of a poll, retraction included, raises its version). Taken from the
     * rows the page is read from anyway, so it costs no query and cannot miss a commit.
     */
    @Transactional
    public Tagged<PageView<PollSummary>> searchTagged(PollQuery query) {
        ReadOnlySession.apply();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.pollster() != null) {
            // the pollster's id as a constant, not a join: PostgreSQL then reads the pollster's polls in page
            // order from poll_pollster_field_end_id_idx and stops after one page (V5__performance_indexes.sql)
            where.append(" and p.pollster.id = (select s.id from Pollster s where s.slug = :pollster)");
            params.put("pollster", query.pollster());
        }
        if (query.from() != null) {
            where.append(" and p.fieldEnd >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and p.fieldStart <= :to");
            params.put("to", query.to());
        }
        if (query.population() != null) {
            where.append(" and p.population = :population");
            params.put("population", query.population());
        }
        if (query.country() != null) {
            where.append(" and p.country = :country");
            params.put("country", query.country().toUpperCase(Locale.ROOT));
        }
        if (!query.includeRetracted()) {
            where.append(" and p.status <> :retracted");
            params.put("retracted", PollStatus.RETRACTED);
        }
        if (query.topic() != null) {
            where.append(
                    " and exists (select 1 from Question q where q.poll = p and array_contains(q.topics, :topic))");
            params.put("topic", query.topic().trim().toLowerCase(Locale.ROOT));
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(
                    " and exists (select 1 from Question q where q.poll = p and lower(q.wording) like :text escape '\\')");
            params.put("text", "%" + likeEscape(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        int size = Math.min(Math.max(query.size(), 1), PageView.MAX_SIZE);
        PanacheQuery<Poll> found = Poll.find("from Poll p where " + where, sort(query.sort()), params)
                .page(Page.of(query.page(), size));
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

    private static Sort sort(String sort) {
        String key = sort == null || sort.isBlank() ? "-fieldEnd" : sort.trim();
        boolean descending = key.startsWith("-");
        String field = SORTABLE.get(descending ? key.substring(1) : key);
        if (field == null) {
            throw ProblemException.invalidField(
                    "sort",
                    "must be one of " + SORTABLE.keySet().stream().sorted().toList()
                            + ", optionally prefixed by '-' for descending");
        }
        Sort order = descending ? Sort.descending(field) : Sort.ascending(field);
        return order.and("id", descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Poll load(long id) {
        return Poll.findFull(id).orElseThrow(() -> ProblemException.notFound("No poll with id " + id));
    }

    private Pollster validate(PollDocument document) {
        List<FieldError> errors = new ArrayList<>(PollRules.check(document));
        errors.addAll(series.check(document));
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
        return pollster;
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
