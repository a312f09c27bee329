package org.pollwatch.trends.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pollwatch.common.PageView;
import org.pollwatch.polls.OptionResult;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollDocument;
import org.pollwatch.polls.PollDocument.QuestionDocument;
import org.pollwatch.polls.PollStatus;
import org.pollwatch.polls.PollView;
import org.pollwatch.polls.PollsChanged;
import org.pollwatch.polls.Population;
import org.pollwatch.polls.Question;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.trends.Series;
import org.pollwatch.trends.SeriesChoice;
import org.pollwatch.trends.SeriesDocument;
import org.pollwatch.trends.SeriesPollView;
import org.pollwatch.trends.SeriesQuestion;
import org.pollwatch.trends.SeriesQuestionDocument;
import org.pollwatch.trends.SeriesQuestionView;
import org.pollwatch.trends.SeriesView;

/** Series: creation, membership of poll questions (on submission or later) and the polls of a series. */
@ApplicationScoped
public class SeriesService {

    private final EntityManager em;
    private final Event<PollsChanged> changes;

    public SeriesService(EntityManager em, Event<PollsChanged> changes) {
        this.em = em;
        this.changes = changes;
    }

    @Transactional
    public SeriesView create(SeriesDocument document) {
        if (Series.findByKey(document.key()).isPresent()) {
            throw ProblemException.conflict("A series with key '" + document.key() + "' already exists");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < document.choices().size(); i++) {
            for (int j = 0; j < i; j++) {
                SeriesDocument.ChoiceDocument a = document.choices().get(i),
                        b = document.choices().get(j);
                if (a.key().equalsIgnoreCase(b.key())
                        || a.label().trim().equalsIgnoreCase(b.label().trim())) {
                    errors.add(new FieldError("choices[" + i + "]", "duplicates choice " + j));
                    break;
                }
            }
        }
        if (document.populationPreference() != null
                && document.populationPreference().stream().distinct().count()
                        != document.populationPreference().size()) {
            errors.add(new FieldError("populationPreference", "lists a population twice"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid series", errors);
        }
        Series series = new Series();
        series.seriesKey = document.key();
        series.title = document.title().trim();
        series.description =
                document.description() == null || document.description().isBlank()
                        ? null
                        : document.description().trim();
        for (int i = 0; i < document.choices().size(); i++) {
            SeriesDocument.ChoiceDocument choice = document.choices().get(i);
            series.choices.add(
                    new SeriesChoice(i + 1, choice.key(), choice.label().trim()));
        }
        series.populationPreference = document.populationPreference() == null
                        || document.populationPreference().isEmpty()
                ? null
                : document.populationPreference().stream().map(Population::code).toList();
        series.persist();
        series.flush();
        return toView(series, 0);
    }

    @Transactional
    public List<SeriesView> list() {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select sq.series.id, count(sq) from SeriesQuestion sq group by sq.series.id", Object[].class)
                .getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return Series.listByKey().stream()
                .map(s -> toView(s, counts.getOrDefault(s.id, 0L)))
                .toList();
    }

    @Transactional
    public SeriesView get(String key) {
        Series series = find(key);
        return toView(series, SeriesQuestion.count("series", series));
    }

    /** Adds a stored question to the series, or replaces its mapping if it is already a member. */
    @Transactional
    public SeriesQuestionView addQuestion(String key, SeriesQuestionDocument document) {
        Series series = find(key);
        Question question = Question.findWithPoll(document.questionId())
                .orElseThrow(() -> ProblemException.badRequest(
                        "Invalid request",
                        List.of(new FieldError("questionId", "no question with id " + document.questionId()))));
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
        em.flush();
        changes.fire(new PollsChanged("series " + key + " mapping"));
        return toView(series, question, map);
    }

    /** Field errors of the series keys and mappings of a poll document, before it is stored. */
    @Transactional
    public List<FieldError> check(PollDocument document) {
        List<FieldError> errors = new ArrayList<>();
        for (int q = 0; q < document.questions().size(); q++) {
            QuestionDocument question = document.questions().get(q);
            String path = "questions[" + q + "].";
            if (question.series() == null || question.series().isBlank()) {
                if (question.seriesChoices() != null
                        && !question.seriesChoices().isEmpty()) {
                    errors.add(new FieldError(path + "seriesChoices", "needs a series"));
                }
                continue;
            }
            Series series = Series.findByKey(question.series().trim()).orElse(null);
            if (series == null) {
                errors.add(new FieldError(
                        path + "series",
                        "no series with key '" + question.series().trim() + "'; create it first with POST /series"));
                continue;
            }
            SeriesMapping.map(
                    series,
                    question.options().stream().map(o -> o.label().trim()).toList(),
                    question.seriesChoices(),
                    path,
                    errors);
        }
        return errors;
    }

    /**
     * Joins the stored poll's questions to the series their document names (already checked). A question
     * whose document names no series keeps its membership, if any: a revision need not repeat it.
     */
    @Transactional
    public void join(Poll poll, PollDocument document) {
        for (int q = 0; q < document.questions().size(); q++) {
            QuestionDocument questionDocument = document.questions().get(q);
            if (questionDocument.series() == null || questionDocument.series().isBlank()) {
                continue;
            }
            Question question = poll.questions.get(q);
            Series series = Series.findByKey(questionDocument.series().trim()).orElseThrow();
            List<FieldError> errors = new ArrayList<>();
            Map<String, String> map = SeriesMapping.map(
                    series,
                    question.options.stream().map(o -> o.label).toList(),
                    questionDocument.seriesChoices(),
                    "questions[" + q + "].",
                    errors);
            if (!errors.isEmpty()) {
                throw ProblemException.badRequest("Invalid poll", errors);
            }
            SeriesQuestion.assign(question.id, series, map);
        }
    }

    /** The polls of a series, newest field end first, with their shares per choice. */
    @Transactional
    public PageView<SeriesPollView> polls(String key, boolean includeRetracted, int page, int size) {
        Series series = find(key);
        int pageSize = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        String where =
                " from series_question sq join question q on q.id = sq.question_id join poll p on p.id = q.poll_id"
                        + " where sq.series_id = :series" + (includeRetracted ? "" : " and p.status <> 'RETRACTED'");
        long total = ((Number) em.createNativeQuery("select count(*)" + where)
                        .setParameter("series", series.id)
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select p.id as poll_id, q.id as question_id, ps.slug, ps.name, p.field_start,"
                                + " p.field_end, p.published_on, p.population, p.sample_size, p.tracking, p.status, cast(sq.choice_map as text)"
                                + where.replace(" where", " join pollster ps on ps.id = p.pollster_id where")
                                + " order by p.field_end desc, p.id desc, q.id")
                .setParameter("series", series.id)
                .setFirstResult(page * pageSize)
                .setMaxResults(pageSize)
                .getResultList();
        Map<Long, Map<String, BigDecimal>> shares = new HashMap<>();
        List<Long> questionIds =
                rows.stream().map(r -> ((Number) r[1]).longValue()).toList();
        Map<Long, Map<String, String>> maps = new HashMap<>();
        for (Object[] row : rows) {
            maps.put(((Number) row[1]).longValue(), SeriesMapping.parse((String) row[11]));
        }
        if (!questionIds.isEmpty()) {
            for (OptionResult option : em.createQuery(
                            "select o from OptionResult o where o.question.id in :ids order by o.position",
                            OptionResult.class)
                    .setParameter("ids", questionIds)
                    .getResultList()) {
                long questionId = option.question.id;
                String choice = maps.get(questionId).get(SeriesMapping.labelKey(option.label));
                if (choice != null) {
                    shares.computeIfAbsent(questionId, k -> new LinkedHashMap<>())
                            .put(choice, option.percentage);
                }
            }
        }
        List<SeriesPollView> items = new ArrayList<>();
        for (Object[] row : rows) {
            long questionId = ((Number) row[1]).longValue();
            LocalDate fieldEnd = toDate(row[5]);
            LocalDate publishedOn = toDate(row[6]);
            items.add(new SeriesPollView(
                    ((Number) row[0]).longValue(),
                    questionId,
                    new PollView.PollsterRef((String) row[2], (String) row[3]),
                    toDate(row[4]),
                    fieldEnd,
                    publishedOn,
                    publishedOn != null ? publishedOn : fieldEnd,
                    Population.valueOf((String) row[7]),
                    row[8] == null ? null : ((Number) row[8]).intValue(),
                    (Boolean) row[9],
                    PollStatus.valueOf((String) row[10]),
                    shares.getOrDefault(questionId, Map.of())));
        }
        return PageView.of(items, page, pageSize, total);
    }

    public static Series find(String key) {
        return Series.findByKey(key).orElseThrow(() -> ProblemException.notFound("No series with key '" + key + "'"));
    }

    static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
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
                        .map(c -> new SeriesDocument.ChoiceDocument(c.key, c.label))
                        .toList(),
                SeriesMapping.populationPreference(series),
                series.populationPreference == null,
                questions,
                series.createdAt);
    }

    static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
