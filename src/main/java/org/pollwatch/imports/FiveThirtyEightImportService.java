package org.pollwatch.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.pollwatch.common.DataChanged;
import org.pollwatch.common.ReadsAhead;
import org.pollwatch.common.access.Access;
import org.pollwatch.common.access.Actor;
import org.pollwatch.common.access.AuditLog;
import org.pollwatch.imports.BulkPollWriter.StagedPoll;
import org.pollwatch.imports.config.ImportConfig;
import org.pollwatch.imports.fivethirtyeight.CsvHeaderException;
import org.pollwatch.imports.fivethirtyeight.FiveThirtyEightPollReader;
import org.pollwatch.imports.fivethirtyeight.PollRow;
import org.pollwatch.imports.fivethirtyeight.PollRowResult;
import org.pollwatch.imports.fivethirtyeight.RowError;
import org.pollwatch.polls.Population;
import org.pollwatch.polls.service.PollRules;
import org.pollwatch.problems.FieldError;
import org.pollwatch.problems.ProblemException;
import org.pollwatch.series.Series;
import org.pollwatch.series.SeriesDocument.ChoiceDocument;
import org.pollwatch.series.service.SeriesMapping;
import org.pollwatch.series.service.SeriesService;

/**
 * Imports FiveThirtyEight poll files into a series, streaming: rows are read one at a time and
 * stored in chunks ({@link ImportConfig#chunkSize()} rows, 10,000 by default), one transaction per chunk, so memory stays flat and a
 * failure keeps the chunks already stored (a re-import then skips them). Each row becomes one poll
 * with one question (the row's text as wording), whose options are the answer columns, joined to the
 * series. {@link BulkPollWriter} stores a chunk in a handful of set-based statements.
 */
@ApplicationScoped
public class FiveThirtyEightImportService {

    public static final String REF_PREFIX = "fivethirtyeight:";

    private static final Logger LOG = Logger.getLogger(FiveThirtyEightImportService.class);

    private final BulkPollWriter writer;
    private final SeriesService series;
    private final ImportConfig config;
    private final ObjectMapper json;
    private final Event<DataChanged> changes;
    private final Access access;
    private final AuditLog audit;
    private final Instance<ReadsAhead> readsAhead;

    public FiveThirtyEightImportService(
            BulkPollWriter writer,
            SeriesService series,
            ImportConfig config,
            ObjectMapper json,
            Event<DataChanged> changes,
            Access access,
            AuditLog audit,
            Instance<ReadsAhead> readsAhead) {
        this.access = access;
        this.readsAhead = readsAhead;
        this.audit = audit;
        this.writer = writer;
        this.series = series;
        this.config = config;
        this.json = json;
        this.changes = changes;
    }

    public ImportReport importPolls(
            String seriesKey, List<String> answers, List<Population> populationPreference, Reader csv) {
        // many pollsters' polls, pollsters registered on the fly: administrator keys only
        Actor actor = access.actor();
        if (!actor.admin()) {
            throw Access.forbidden("Only administrator keys import: an import writes many pollsters' polls");
        }
        Writer by = new Writer(actor, audit.requestId());
        FiveThirtyEightPollReader reader;
        try {
            reader = new FiveThirtyEightPollReader(csv, answers);
        } catch (CsvHeaderException e) {
            List<FieldError> errors = e.missingColumns().stream()
                    .map(c -> new FieldError(c, "missing column"))
                    .toList();
            throw new ProblemException(
                    400,
                    "Invalid CSV header",
                    e.getMessage(),
                    errors.isEmpty() ? List.of(new FieldError("(body)", "empty input: no header line")) : errors);
        }
        boolean[] created = new boolean[1];
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            Target found = series(seriesKey, answers, populationPreference, created);
            audit.record(
                    by.actor(),
                    by.requestId(),
                    "import.start",
                    null,
                    "series " + seriesKey + (created[0] ? " (created)" : ""),
                    null);
            return found;
        });
        Progress progress = new Progress();
        try (reader;
                ChunkStore store = new ChunkStore(seriesKey, target, progress, by)) {
            int chunkSize = config.chunkSize();
            List<PollRow> chunk = new ArrayList<>(chunkSize);
            while (reader.hasNext()) {
                PollRowResult result = reader.next();
                progress.rowsRead++;
                if (result instanceof RowError error) {
                    progress.reject(error.line(), error.column(), error.reason());
                    continue;
                }
                PollRow row = (PollRow) result;
                if (acceptable(row, answers, progress)) {
                    chunk.add(row);
                }
                if (chunk.size() == chunkSize) {
                    store.submit(stage(chunk, answers, target, progress));
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                store.submit(stage(chunk, answers, target, progress));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (changedSeries(progress, created[0])) {
                changes.fire(DataChanged.ofImport("import into series " + seriesKey, seriesKey));
            }
        }
        if (changedSeries(progress, created[0])) {
            // the newsroom asks for the chart as soon as the import answers: have it ready by then
            readsAhead.forEach(reads -> reads.awaitFor(seriesKey, config.trendWait()));
        }
        LOG.infof(
                "Imported into series %s: %d rows, %d accepted, %d duplicates, %d rejected",
                seriesKey, progress.rowsRead, progress.accepted, progress.duplicates, progress.rejectedCount);
        return new ImportReport(
                seriesKey,
                created[0],
                progress.rowsRead,
                progress.accepted,
                progress.duplicates,
                progress.rejectedCount,
                progress.rejected);
    }

    /** Whether the import stored a poll or created its series: the series' averages then move. */
    private static boolean changedSeries(Progress progress, boolean created) {
        return progress.accepted > 0 || created;
    }

    private static final List<Population> ADULTS_FIRST =
            List.of(Population.ADULTS, Population.REGISTERED_VOTERS, Population.LIKELY_VOTERS, Population.VOTERS);

    /** Who runs the import, captured on the request's thread for the audit rows the chunk writers add. */
    private record Writer(Actor actor, String requestId) {}

    /** The series an import fills, and per answer column the choice it maps to. */
    private record Target(long seriesId, Map<String, String> choiceOf) {}

    /** The series (created from the answer columns if absent) and, per answer column, the choice it maps to. */
    private Target series(String key, List<String> answers, List<Population> preference, boolean[] created) {
        SeriesService.Found found = series.findOrCreate(
                key,
                answers.stream()
                        .map(answer -> new ChoiceDocument(answer, label(answer)))
                        .toList());
        created[0] = found.created();
        Series target = found.series();
        // FiveThirtyEight counts the adults version of an approval poll; other series keep the default
        if (preference == null && found.created() && answers.equals(FiveThirtyEightPollReader.APPROVAL_ANSWERS)) {
            preference = ADULTS_FIRST;
        }
        if (preference != null) {
            target.populationPreference =
                    preference.stream().map(Population::code).toList();
        }
        Map<String, String> choiceOf = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (String answer : answers) {
            target.choice(answer)
                    .ifPresentOrElse(
                            c -> choiceOf.put(answer, c.key),
                            () -> errors.add(new FieldError(
                                    "answers",
                                    "column '" + answer + "' matches no choice of series '" + target.seriesKey + "' ("
                                            + String.join(
                                                    ", ",
                                                    target.choices.stream()
                                                            .map(c -> c.key)
                                                            .toList()) + ")")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid import", errors);
        }
        return new Target(target.id, choiceOf);
    }

    /** Rules beyond the reader's: whole-sample rows with at least one answer that sum to at most 100 (+1 of rounding). */
    private static boolean acceptable(PollRow row, List<String> answers, Progress progress) {
        if (row.answers().isEmpty()) {
            progress.reject(row.line(), answers.get(0), "no answer given");
            return false;
        }
        // PostgreSQL text cannot hold the NUL character: such a row would fail its whole chunk
        String withNul = hasNul(row.pollster())
                ? "pollster"
                : hasNul(row.sponsor()) ? "sponsor" : hasNul(row.text()) ? "text" : hasNul(row.url()) ? "url" : null;
        if (withNul != null) {
            progress.reject(row.line(), withNul, "contains a NUL character");
            return false;
        }
        if (row.party() != null && !row.party().equalsIgnoreCase("all")) {
            progress.reject(
                    row.line(),
                    "party",
                    "only whole-sample results (party 'all') can be imported, not '" + row.party() + "'");
            return false;
        }
        BigDecimal total = row.answers().values().stream()
                .map(FiveThirtyEightImportService::percent)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!PollRules.singleAnswerTotalAllowed(total)) {
            progress.reject(
                    row.line(),
                    null,
                    "answers sum to " + total.stripTrailingZeros().toPlainString() + ", more than 100");
            return false;
        }
        if (row.pollster().length() > 200) {
            progress.reject(row.line(), "pollster", "longer than 200 characters");
            return false;
        }
        return true;
    }

    /** Polls to store from a chunk of accepted rows, less the rows seen earlier in the file. */
    private List<StagedPoll> stage(List<PollRow> rows, List<String> answers, Target target, Progress progress) {
        List<StagedPoll> staged = new ArrayList<>(rows.size());
        for (PollRow row : rows) {
            String ref = externalRef(row);
            if (progress.seen.add(RefKey.of(ref))) {
                staged.add(stage(row, ref, answers, target.choiceOf(), progress.choiceMaps));
            } else {
                progress.duplicates++;
            }
        }
        return staged;
    }

    /**
     * Stores chunks on {@link ImportConfig#writers()} threads (2 by default), each chunk in a transaction of its own, while the
     * caller reads and checks the next rows: on a small machine the parser and two PostgreSQL
     * backends then keep every core busy. Chunks never share a row (the caller removes repeats), and
     * pollsters new to several chunks at once are settled by their slug's uniqueness.
     */
    private final class ChunkStore implements AutoCloseable {

        private final int writerCount = config.writers();
        private final ExecutorService writers;
        private final Deque<Future<BulkPollWriter.Written>> pending = new ArrayDeque<>();
        private final Target target;
        private final Progress progress;
        private final String seriesKey;
        private final Writer by;
        private int chunks;

        ChunkStore(String seriesKey, Target target, Progress progress, Writer by) {
            this.seriesKey = seriesKey;
            this.by = by;
            this.writers = Executors.newFixedThreadPool(writerCount, task -> new Thread(task, "import-" + seriesKey));
            this.target = target;
            this.progress = progress;
        }

        void submit(List<StagedPoll> polls) {
            if (pending.size() == writerCount) {
                collect(pending.removeFirst());
            }
            Map<String, Long> pollsters = Map.copyOf(progress.pollsters);
            int number = ++chunks;
            pending.addLast(writers.submit(() -> {
                long start = System.nanoTime();
                BulkPollWriter.Written written = QuarkusTransaction.requiringNew()
                        .call(() -> {
                            BulkPollWriter.Written stored = writer.write(target.seriesId(), polls, pollsters);
                            audit.record(
                                    by.actor(),
                                    by.requestId(),
                                    "import.chunk",
                                    null,
                                    "series " + seriesKey + ": chunk " + number + ", " + stored.stored()
                                            + " polls stored, " + stored.duplicates() + " duplicates",
                                    null);
                            return stored;
                        });
                LOG.debugf(
                        "Import chunk %d: %d polls stored in %.1f ms",
                        (Object) number, (Object) polls.size(), (Object) ((System.nanoTime() - start) / 1e6));
                // chunks 1, 4, 16...: plans made while the tables were small would otherwise stay in use
                if (Integer.bitCount(number) == 1 && Integer.numberOfTrailingZeros(number) % 2 == 0) {
                    writer.refreshStatistics();
                }
                return written;
            }));
        }

        /**
         * Waits for every chunk under way, also after an error (so the report and the caches agree with
         * the database); the first failure is raised once all have ended.
         */
        @Override
        public void close() {
            try {
                finish();
            } finally {
                writers.shutdown();
            }
        }

        private void finish() {
            RuntimeException failure = null;
            while (!pending.isEmpty()) {
                try {
                    collect(pending.removeFirst());
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void collect(Future<BulkPollWriter.Written> chunk) {
            BulkPollWriter.Written written;
            try {
                written = chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Import interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            }
            progress.accepted += written.stored();
            progress.duplicates += written.duplicates();
            progress.pollsters.putAll(written.pollsters());
        }
    }

    private StagedPoll stage(
            PollRow row,
            String ref,
            List<String> answers,
            Map<String, String> choiceOf,
            Map<List<String>, String> choiceMaps) {
        List<String> labels = new ArrayList<>(answers.size());
        List<BigDecimal> percentages = new ArrayList<>(answers.size());
        for (String answer : answers) {
            Double value = row.answers().get(answer);
            if (value != null) {
                labels.add(answer);
                percentages.add(percent(value));
            }
        }
        String choiceMap = choiceMaps.computeIfAbsent(labels, present -> {
            Map<String, String> map = new LinkedHashMap<>();
            present.forEach(label -> map.put(SeriesMapping.labelKey(label), choiceOf.get(label)));
            try {
                return json.writeValueAsString(map);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        String url =
                row.url() != null && row.url().length() <= 1000 && row.url().matches("https?://\\S+")
                        ? row.url()
                        : null;
        return new StagedPoll(
                ref,
                slug(row.pollster()),
                truncate(row.pollster().trim(), 200),
                truncate(row.sponsor(), 200),
                row.startDate(),
                row.endDate(),
                Population.fromShortCode(row.population()),
                "US",
                row.sampleSize(),
                Boolean.TRUE.equals(row.tracking()),
                url,
                "Imported from FiveThirtyEight (line " + row.line() + ")"
                        + (row.datesSwapped() ? "; start and end dates were swapped in the file" : ""),
                row.text() == null ? "(wording not given)" : truncate(row.text(), 2000),
                labels,
                percentages,
                choiceMap);
    }

    /** Stable reference of a row: the same poll in a later download of the file gets the same one. */
    static String externalRef(PollRow row) {
        String identity = String.join(
                "|",
                row.pollster().trim().toLowerCase(Locale.ROOT),
                row.startDate().toString(),
                row.endDate().toString(),
                row.population(),
                nullToEmpty(row.text()),
                nullToEmpty(row.url()));
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
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "pollster-" + Integer.toHexString(name.hashCode()) : slug;
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

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * 128 bits of a row's reference (itself a SHA-256): as good as the whole text at telling a file's
     * rows apart (a clash is expected after about 10^19 rows), in a third of the memory.
     */
    private record RefKey(long high, long low) {
        static RefKey of(String ref) {
            int hex = REF_PREFIX.length();
            return new RefKey(
                    Long.parseUnsignedLong(ref, hex, hex + 16, 16),
                    Long.parseUnsignedLong(ref, hex + 16, hex + 32, 16));
        }
    }

    /** Counters of one import. */
    private static final class Progress {
        long rowsRead;
        long accepted;
        long duplicates;
        long rejectedCount;
        final List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        final Map<String, Long> pollsters = new HashMap<>();
        final Set<RefKey> seen = new HashSet<>();
        final Map<List<String>, String> choiceMaps = new HashMap<>();

        void reject(long line, String column, String reason) {
            rejectedCount++;
            if (rejected.size() < ImportReport.MAX_LISTED) {
                rejected.add(new ImportReport.RejectedRow(line, column, reason));
            }
        }
    }
}
