package org.pollwatch.series.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pollwatch.common.DataChanged;
import org.pollwatch.common.DataGeneration;
import org.pollwatch.common.PageView;
import org.pollwatch.common.ReadCache;
import org.pollwatch.common.ReadOnlyTransaction;
import org.pollwatch.common.access.Access;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.AuditLog;
import org.pollwatch.common.idempotency.IdempotentWrites;
import org.pollwatch.polls.OptionResult;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.Population;
import org.pollwatch.polls.Question;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.series.Series;
import org.pollwatch.series.SeriesChanges;
import org.pollwatch.series.SeriesChoice;
import org.pollwatch.series.SeriesDocument;
import org.pollwatch.series.SeriesDocument.ChoiceDocument;
import org.pollwatch.series.SeriesPollView;
import org.pollwatch.series.SeriesQuestion;
import org.pollwatch.series.SeriesQuestionDocument;
import org.pollwatch.series.SeriesQuestionView;
import org.pollwatch.series.SeriesView;

/** Series: creation, membership of stored poll questions and the polls of a series. */
@ApplicationScoped
public class SeriesService {

    private static final int OPTION_BATCH = 1000;

    private final SeriesQueries queries;
    private final Event<DataChanged> changes;
    private final Access access;
    private final AuditLog audit;

    private final IdempotentWrites idempotentWrites;

    public SeriesService(
            SeriesQueries queries,
            Event<DataChanged> changes,
            Access access,
            AuditLog audit,
            IdempotentWrites idempotentWrites) {
        this.idempotentWrites = idempotentWrites;
        this.queries = queries;
        this.changes = changes;
        this.access = access;
        this.audit = audit;
    }

    /** Any key with the series scope creates series: a series belongs to no pollster. */
    @Transactional
    public SeriesView create(SeriesDocument document) {
        Actor actor = access.requireScope(Actor.SERIES);
        if (Series.findByKey(document.key()).isPresent()) {
            throw ProblemException.conflict("A series with key '" + document.key() + "' already exists");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < document.choices().size(); i++) {
            for (int j = 0; j < i; j++) {
                ChoiceDocument a = document.choices().get(i),
                        b = document.choices().get(j);
                if (a.key().equalsIgnoreCase(b.key())
                        || a.label().trim().equalsIgnoreCase(b.label().trim())) {
                    errors.add(new FieldError("choices[" + i + "]", "duplicates choice " + j));
                    break;
                }
            }
        }
        checkPreference(document.populationPreference(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid series", errors);
        }
        Series series = persistNew(
                document.key(),
                document.title().trim(),
                document.description() == null || document.description().isBlank()
                        ? null
                        : document.description().trim(),
                document.choices(),
                document.populationPreference());
        series.flush();
        idempotentWrites.settle("/series/" + series.seriesKey);
        audit.record(actor, "series.create", null, "series " + series.seriesKey, null);
        return toView(series, 0);
    }

    /**
     * Changes title, description or population preference. A new preference changes which population
     * version of a poll counts, so every average of the series is recomputed.
     */
    @Transactional
    public SeriesView update(String key, SeriesChanges changes) {
        Actor actor = access.requireScope(Actor.SERIES);
        Series series = Series.require(key);
        List<FieldError> errors = new ArrayList<>();
        checkPreference(changes.populationPreference(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid series changes", errors);
        }
        if (changes.title() != null) series.title = changes.title().trim();
        if (changes.description() != null) {
            series.description = changes.description().isBlank()
                    ? null
                    : changes.description().trim();
        }
        if (changes.populationPreference() != null) {
            series.populationPreference = storedPreference(changes.populationPreference());
        }
        series.flush();
        audit.record(actor, "series.update", null, "series " + key, null);
        this.changes.fire(DataChanged.ofSeriesDefinition("series " + key + " changed", key));
        return toView(series, SeriesQuestion.count("series", series));
    }

    private static void checkPreference(List<Population> preference, List<FieldError> errors) {
        if (preference != null && preference.stream().distinct().count() != preference.size()) {
            errors.add(new FieldError("populationPreference", "lists a population twice"));
        }
    }

    /** Stored as codes; null means the default rule. */
    private static List<String> storedPreference(List<Population> preference) {
        return preference == null || preference.isEmpty()
                ? null
                : preference.stream().map(Population::code).toList();
    }

    /** A series and whether this call created it. */
    public record Found(Series series, boolean created) {}

    /**
     * The series of this key or, if there is none, a new one titled by its key with these choices (in
     * the caller's transaction), as an import creates the series it fills.
     */
    @Transactional
    public Found findOrCreate(String key, List<ChoiceDocument> choices) {
        return Series.findByKey(key)
                .map(series -> new Found(series, false))
                .orElseGet(() -> new Found(persistNew(key, key, null, choices, null), true));
    }

    /** The one place a series is made. */
    private static Series persistNew(
            String key,
            String title,
            String description,
            List<ChoiceDocument> choices,
            List<Population> populationPreference) {
        Series series = new Series();
        series.seriesKey = key;
        series.title = title;
        series.description = description;
        for (int i = 0; i < choices.size(); i++) {
            ChoiceDocument choice = choices.get(i);
            series.choices.add(
                    new SeriesChoice(i + 1, choice.key(), choice.label().trim()));
        }
        series.populationPreference = storedPreference(populationPreference);
        series.persist();
        return series;
    }

    @ReadOnlyTransaction
    public List<SeriesView> list() {
        Map<Long, Long> counts = queries.questionCounts();
        return Series.listByKey().stream()
                .map(s -> toView(s, counts.getOrDefault(s.id, 0L)))
                .toList();
    }

    /** Keys of up to {@code limit} series with polls, the one changed last first. */
    @ReadOnlyTransaction
    public List<String> lastChangedKeys(int limit) {
        return queries.keysByLastChange(limit);
    }

    @ReadOnlyTransaction
    public SeriesView get(String key) {
        Series series = Series.require(key);
        return toView(series, SeriesQuestion.count("series", series));
    }

    /** Adds a stored question to the series, or replaces its mapping if it is already a member. */
    @Transactional
    public SeriesQuestionView addQuestion(String key, SeriesQuestionDocument document) {
        Series series = Series.require(key);
        Question question = Question.findWithPoll(document.questionId())
                .orElseThrow(() -> ProblemException.badRequest(
                        "Invalid request",
                        List.of(new FieldError("questionId", "no question with id " + document.questionId()))));
        // a pollster key attaches only its own polls' questions
        Actor actor = access.requirePollster(question.poll.pollster.id, question.poll.pollster.slug, Actor.SERIES);
        SeriesQuestion membership = SeriesQuestion.findById(question.id);
        if (membership != null && !membership.series.id.equals(series.id)) {
            throw ProblemException.conflict("Question " + question.id + " already belongs to series '"
                    + membership.series.seriesKey + "'; a question counts in one series only");
        }
        List<String> labels = question.options.stream().map(o -> o.label).toList();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> map = SeriesMapping.map(series, labels, document.seriesChoices(), "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid series mapping", errors);
        }
        SeriesQuestion.assign(question.id, series, map);
        SeriesQuestion.flush();
        idempotentWrites.settle("/series/" + key + "/questions");
        audit.record(actor, "series.attach", question.poll.id, "series " + key + ", question " + question.id, null);
        changes.fire(DataChanged.ofSeriesDefinition("series " + key + " mapping", key));
        return toView(series, question, map);
    }

    /** The polls of a series, newest field end first, with their shares per choice. */
    @ReadOnlyTransaction
    public PageView<SeriesPollView> polls(String key, boolean includeRetracted, int page, int size) {
        Series series = Series.require(key);
        int pageSize = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        long total = queries.countMemberPolls(series.id, includeRetracted);
        List<SeriesQueries.MemberPoll> rows =
                queries.memberPolls(series.id, includeRetracted, page * pageSize, pageSize);
        return PageView.of(views(rows), page, pageSize, total);
    }

    /**
     * Every poll of a series, newest field end first, read in one transaction: what a chart of all of them
     * needs. Paging through {@link #polls} instead costs a count and an ever deeper offset per page, seconds for
     * a series of 10,000 polls.
     */
    @ReadOnlyTransaction
    public AllPolls allPolls(String key, boolean includeRetracted) {
        return queries.memberPollsWithShares(Series.require(key), includeRetracted, null);
    }

    /**
     * {@code previous}, which {@link #allPolls} or this returned for the same arguments, brought up to
     * date by reading again only the polls changed since it was read: what {@link #allPolls} gives now.
     */
    @ReadOnlyTransaction
    public AllPolls allPollsUpdated(AllPolls previous, String key, boolean includeRetracted) {
        return queries.memberPollsWithShares(Series.require(key), includeRetracted, previous);
    }

    /** Every poll of a series as {@link #allPolls} read them, and where that read started. */
    public record AllPolls(List<SeriesPollView> polls, DataGeneration.ReadMark mark) implements ReadCache.Weighed {
        @Override
        public long bytes() {
            return 1024L + 640L * polls.size();
        }
    }

    /** The options' shares per choice, read for at most OPTION_BATCH questions at a time (bind parameters). */
    private List<SeriesPollView> views(List<SeriesQueries.MemberPoll> rows) {
        Map<Long, Map<String, String>> maps = new HashMap<>();
        for (SeriesQueries.MemberPoll row : rows) {
            maps.put(row.questionId(), row.choiceMap());
        }
        Map<Long, Map<String, BigDecimal>> shares = new HashMap<>();
        List<Long> questionIds = List.copyOf(maps.keySet());
        for (int from = 0; from < questionIds.size(); from += OPTION_BATCH) {
            List<Long> batch = questionIds.subList(from, Math.min(questionIds.size(), from + OPTION_BATCH));
            for (OptionResult option : queries.options(batch)) {
                long questionId = option.question.id;
                String choice = maps.get(questionId).get(SeriesMapping.labelKey(option.label));
                if (choice != null) {
                    shares.computeIfAbsent(questionId, k -> new LinkedHashMap<>())
                            .put(choice, option.percentage);
                }
            }
        }
        List<SeriesPollView> items = new ArrayList<>();
        for (SeriesQueries.MemberPoll row : rows) {
            items.add(new SeriesPollView(
                    row.pollId(),
                    row.questionId(),
                    new PollView.PollsterRef(row.pollsterSlug(), row.pollsterName()),
                    row.fieldStart(),
                    row.fieldEnd(),
                    row.publishedOn(),
                    Poll.availableFrom(row.publishedOn(), row.fieldEnd()),
                    row.population(),
                    row.sampleSize(),
                    row.tracking(),
                    row.status(),
                    shares.getOrDefault(row.questionId(), Map.of())));
        }
        return items;
    }

    private static SeriesQuestionView toView(Series series, Question question, Map<String, String> map) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (OptionResult option : question.options) {
            String choice = map.get(SeriesMapping.labelKey(option.label));
            if (choice != null) {
                byLabel.put(option.label, choice);
            }
        }
        return new SeriesQuestionView(series.seriesKey, question.id, question.poll.id, question.wording, byLabel);
    }

    static SeriesView toView(Series series, long questions) {
        return new SeriesView(
                series.seriesKey,
                series.title,
                series.description,
                series.choices.stream()
                        .map(c -> new ChoiceDocument(c.key, c.label))
                        .toList(),
                SeriesMapping.populationPreference(series),
                series.populationPreference == null,
                questions,
                series.createdAt);
    }
}
