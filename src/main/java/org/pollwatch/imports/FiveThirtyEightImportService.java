package org.pollwatch.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.jboss.logging.Logger;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.pollwatch.imports.fivethirtyeight.CsvHeaderException;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightPollReader;
import org.pollwatch.imports.fivethirtyeight.PollRow;
import org.pollwatch.imports.fivethirtyeight.PollRowResult;
import org.pollwatch.imports.fivethirtyeight.RowError;
import org.pollwatch.polls.OptionResult;
import org.pollwatch.polls.Poll;
import org.pollwatch.polls.PollsChanged;
import org.pollwatch.polls.Population;
import org.pollwatch.polls.Question;
import org.pollwatch.pollsters.Pollster;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.trends.Series;
import org.pollwatch.trends.SeriesChoice;
import org.pollwatch.trends.SeriesQuestion;
import org.pollwatch.trends.service.SeriesMapping;

/**
 * Imports FiveThirtyEight poll files into a series, streaming: rows are read one at a time and
 * stored in batches, one transaction per batch, so memory stays flat and a failure keeps the
 * batches already stored (a re-import then skips them). Each row becomes one poll with one question
 * (the row's text as wording), whose options are the answer columns, joined to the series.
 */
@ApplicationScoped
public class FiveThirtyEightImportService {

    public static final int BATCH_SIZE = 500;
    public static final String REF_PREFIX = "fivethirtyeight:";

    private static final Logger LOG = Logger.getLogger(FiveThirtyEightImportService.class);
    private static final BigDecimal MAX_TOTAL = new BigDecimal("101");

    private final EntityManager em;
    private final Event<PollsChanged> changes;

    public FiveThirtyEightImportService(EntityManager em, Event<PollsChanged> changes) {
        this.em = em;
        this.changes = changes;
    }

    public ImportReport importPolls(String seriesKey, List<String> answers, Reader csv) {
        FiveThirtyEightPollReader reader;
        try {
            reader = new FiveThirtyEightPollReader(csv, answers);
        } catch (CsvHeaderException e) {
            List<FieldError> errors = e.missingColumns().stream().map(c -> new FieldError(c, "missing column")).toList();
            throw new ProblemException(400, "Invalid CSV header", e.getMessage(),
                    errors.isEmpty() ? List.of(new FieldError("(body)", "empty input: no header line")) : errors);
        }
        boolean[] created = new boolean[1];
        Map<String, String> choiceOf = QuarkusTransaction.requiringNew().call(() -> series(seriesKey, answers, created));
        Progress progress = new Progress();
        try (reader) {
            List<PollRow> batch = new ArrayList<>(BATCH_SIZE);
            while (reader.hasNext()) {
                PollRowResult result = reader.next();
                progress.rowsRead++;
                if (result instanceof RowError error) {
                    progress.reject(error.line(), error.column(), error.reason());
                    continue;
                }
                PollRow row = (PollRow) result;
                if (acceptable(row, answers, progress)) {
                    batch.add(row);
                }
                if (batch.size() == BATCH_SIZE) {
                    store(seriesKey, batch, answers, choiceOf, progress);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store(seriesKey, batch, answers, choiceOf, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (progress.accepted > 0 || created[0]) {
                changes.fire(new PollsChanged("import into series " + seriesKey));
            }
        }
        LOG.infof("Imported into series %s: %d rows, %d accepted, %d duplicates, %d rejected", seriesKey,
                progress.rowsRead, progress.accepted, progress.duplicates, progress.rejectedCount);
        return new ImportReport(seriesKey, created[0], progress.rowsRead, progress.accepted, progress.duplicates,
                progress.rejectedCount, progress.rejected);
    }

    /** The series (created from the answer columns if absent) and, per answer column, the choice it maps to. */
    private Map<String, String> series(String key, List<String> answers, boolean[] created) {
        Series series = Series.findByKey(key).orElse(null);
        if (series == null) {
            series = new Series();
            series.seriesKey = key;
            series.title = key;
            for (int i = 0; i < answers.size(); i++) {
                series.choices.add(new SeriesChoice(i + 1, answers.get(i), label(answers.get(i))));
            }
            series.persist();
            created[0] = true;
        }
        Map<String, String> choiceOf = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String answer : answers) {
            final Series s = series;
            series.choice(answer).ifPresentOrElse(c -> choiceOf.put(answer, c.key),
                    () -> errors.add(new FieldError("answers", "column '" + answer + "' matches no choice of series '"
                            + s.seriesKey + "' (" + String.join(", ", s.choices.stream().map(c -> c.key).toList()) + ")")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid import", errors);
        }
        return choiceOf;
    }

    /** Rules beyond the reader's: whole-sample rows with at least one answer that sum to at most 100 (+1 of rounding). */
    private static boolean acceptable(PollRow row, List<String> answers, Progress progress) {
        if (row.answers().isEmpty()) {
            progress.reject(row.line(), answers.get(0), "no answer given");
            return false;
        }
        if (row.party() != null && !row.party().equalsIgnoreCase("all")) {
            progress.reject(row.line(), "party", "only whole-sample results (party 'all') can be imported, not '" + row.party() + "'");
            return false;
        }
        BigDecimal total = row.answers().values().stream().map(FiveThirtyEightImportService::percent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_TOTAL) > 0) {
            progress.reject(row.line(), null, "answers sum to " + total.stripTrailingZeros().toPlainString() + ", more than 100");
            return false;
        }
        if (row.pollster().length() > 200) {
            progress.reject(row.line(), "pollster", "longer than 200 characters");
            return false;
        }
        return true;
    }

    private void store(String seriesKey, List<PollRow> rows, List<String> answers, Map<String, String> choiceOf,
            Progress progress) {
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            // Flush only where this method says so. With the default (AUTO), each look-up of a pollster
            // new to the import flushed every poll persisted so far in the batch (52 % of the import's
            // CPU, quadratic in the batch size); the look-ups never need those polls.
            em.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
            Series series = Series.findByKey(seriesKey).orElseThrow();
            Map<String, PollRow> byRef = new HashMap<>();
            List<String> refs = new ArrayList<>();
            for (PollRow row : rows) {
                String ref = externalRef(row);
                if (progress.seen.contains(ref) || byRef.putIfAbsent(ref, row) != null) {
                    progress.duplicates++;
                } else {
                    refs.add(ref);
                }
            }
            Set<String> existing = refs.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                    "select p.externalRef from Poll p where p.externalRef in :refs", String.class)
                    .setParameter("refs", refs).getResultList());
            Map<String, Long> newPollsters = new HashMap<>();
            List<SeriesQuestion> memberships = new ArrayList<>();
            int stored = 0;
            for (String ref : refs) {
                if (existing.contains(ref)) {
                    progress.duplicates++;
                    continue;
                }
                PollRow row = byRef.get(ref);
                Poll poll = toPoll(row, ref, answers, pollster(row.pollster(), progress.pollsters, newPollsters));
                poll.persist();
                Question question = poll.questions.get(0);
                SeriesQuestion membership = new SeriesQuestion();
                membership.questionId = question.id;
                membership.series = series;
                for (OptionResult option : question.options) {
                    membership.choiceMap.put(SeriesMapping.labelKey(option.label), choiceOf.get(option.label));
                }
                memberships.add(membership);
                stored++;
            }
            // series_question refers to question by a plain id column, which Hibernate's insert ordering
            // does not see: write the polls first, or a batch of memberships can precede its questions
            em.flush();
            memberships.forEach(membership -> membership.persist());
            em.flush();
            em.clear();
            progress.accepted += stored;
            progress.pollsters.putAll(newPollsters);
            progress.seen.addAll(refs);
        });
        LOG.debugf("Import into series %s: batch of %d rows stored in %.1f ms", seriesKey, rows.size(), (System.nanoTime() - start) / 1e6);
        progress.batches++;
        if (Integer.bitCount(progress.batches) == 1) {
            refreshStatistics();
        }
    }

    /**
     * Refreshes the planner statistics of the tables an import fills, after batches 1, 2, 4, 8...: a
     * large import into small tables would otherwise keep plans made for small tables (sequential
     * scans in foreign-key checks and the duplicate lookup), and slow down quadratically where
     * autovacuum is off or has not caught up.
     */
    private void refreshStatistics() {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "analyze poll, question, option_result, series_question").executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("Could not refresh planner statistics: %s", e.getMessage());
        }
    }

    private Pollster pollster(String name, Map<String, Long> known, Map<String, Long> created) {
        String slug = slug(name);
        Long id = known.get(slug);
        if (id == null) {
            id = created.get(slug);
        }
        if (id != null) {
            return em.getReference(Pollster.class, id);
        }
        Pollster pollster = Pollster.findBySlug(slug).orElse(null);
        if (pollster == null) {
            pollster = new Pollster();
            pollster.slug = slug;
            pollster.name = name.trim();
            pollster.persist();
        }
        created.put(slug, pollster.id);
        return pollster;
    }

    private static Poll toPoll(PollRow row, String ref, List<String> answers, Pollster pollster) {
        Poll poll = new Poll();
        poll.pollster = pollster;
        poll.externalRef = ref;
        poll.sponsor = truncate(row.sponsor(), 200);
        poll.fieldStart = row.startDate();
        poll.fieldEnd = row.endDate();
        poll.population = population(row.population());
        poll.country = "US";
        poll.sampleSize = row.sampleSize();
        poll.tracking = Boolean.TRUE.equals(row.tracking());
        poll.sourceUrl = row.url() != null && row.url().length() <= 1000 && row.url().matches("https?://\\S+") ? row.url() : null;
        poll.notes = "Imported from FiveThirtyEight (line " + row.line() + ")"
                + (row.datesSwapped() ? "; start and end dates were swapped in the file" : "");
        Question question = new Question();
        question.position = 1;
        question.wording = row.text() == null ? "(wording not given)" : truncate(row.text(), 2000);
        poll.addQuestion(question);
        int position = 1;
        for (String answer : answers) {
            Double value = row.answers().get(answer);
            if (value == null) {
                continue;
            }
            OptionResult option = new OptionResult();
            option.position = position++;
            option.label = answer;
            option.percentage = percent(value);
            question.addOption(option);
        }
        return poll;
    }

    /** Stable reference of a row: the same poll in a later download of the file gets the same one. */
    static String externalRef(PollRow row) {
        String identity = String.join("|", row.pollster().trim().toLowerCase(Locale.ROOT), row.startDate().toString(),
                row.endDate().toString(), row.population(), nullToEmpty(row.text()), nullToEmpty(row.url()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return REF_PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pollster slug from its name: "SurveyUSA" -> "surveyusa", "Marist College" -> "marist-college". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "pollster-" + Integer.toHexString(name.hashCode()) : slug;
    }

    static Population population(String code) {
        return switch (code) {
            case "a" -> Population.ADULTS;
            case "rv" -> Population.REGISTERED_VOTERS;
            case "lv" -> Population.LIKELY_VOTERS;
            case "v" -> Population.VOTERS;
            default -> Population.OTHER;
        };
    }

    private static BigDecimal percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static String label(String column) {
        String spaced = column.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String truncate(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Counters of one import. */
    private static final class Progress {
        long rowsRead;
        long accepted;
        long duplicates;
        long rejectedCount;
        int batches;
        final List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        final Map<String, Long> pollsters = new HashMap<>();
        final Set<String> seen = new HashSet<>();

        void reject(long line, String column, String reason) {
            rejectedCount++;
            if (rejected.size() < ImportReport.MAX_LISTED) {
                rejected.add(new ImportReport.RejectedRow(line, column, reason));
            }
        }
    }
}
