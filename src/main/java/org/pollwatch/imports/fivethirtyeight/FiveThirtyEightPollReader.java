package org.pollwatch.imports.fivethirtyeight;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.pollwatch.common.InputLimits;

/**
 * Streaming reader for FiveThirtyEight poll CSV files (e.g. {@code covid_approval_polls.csv},
 * {@code covid_concern_polls.csv}). Columns are located by header name, so order does not matter
 * and extra columns are ignored. The answer columns are named by the caller.
 *
 * <p>Each data row yields either a {@link PollRow} or a {@link RowError}; one bad row never stops
 * the import, except an unterminated quote, which swallows the rest of the file (reported once).
 * A header missing required columns throws {@link CsvHeaderException} from the constructor.
 *
 * <p>Rules: dates ISO {@code yyyy-MM-dd} or {@code M/d/yyyy}; start after end is swapped and
 * flagged ({@link PollRow#datesSwapped()}); {@code sample_size} empty = unknown, fractional =
 * rounded half-up, must be positive; {@code population} one of a/rv/lv/v (any case);
 * answers numbers in [0,100], empty = not asked; {@code tracking} TRUE/FALSE/empty.
 *
 * <p>Not thread-safe. Closing it closes the underlying reader.
 */
public final class FiveThirtyEightPollReader implements Iterator<PollRowResult>, Closeable {

    /** Answer columns of the approval files. */
    public static final List<String> APPROVAL_ANSWERS = List.of("approve", "disapprove");
    /** Answer columns of the concern files. */
    public static final List<String> CONCERN_ANSWERS = List.of("very", "somewhat", "not_very", "not_at_all");

    static final List<String> REQUIRED = List.of("start_date", "end_date", "pollster", "sample_size", "population");
    private static final Set<String> POPULATIONS = Set.of("a", "rv", "lv", "v");
    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final Reader source;
    private final CsvRecordReader csv;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> answerColumns;
    private PollRowResult next;
    private boolean done;

    /** Reader for the approval format (answers {@code approve}, {@code disapprove}). */
    public static FiveThirtyEightPollReader approval(Reader in) {
        return new FiveThirtyEightPollReader(in, APPROVAL_ANSWERS);
    }

    /**
     * @param in            CSV text, header first
     * @param answerColumns names of the percentage columns to read (all required in the header)
     * @throws CsvHeaderException if the input is empty or required columns are missing
     */
    public FiveThirtyEightPollReader(Reader in, List<String> answerColumns) {
        if (answerColumns.isEmpty()) throw new IllegalArgumentException("no answer columns given");
        this.source = in;
        this.csv = new CsvRecordReader(in);
        this.answerColumns = List.copyOf(answerColumns);
        CsvRecordReader.CsvRecord head;
        try {
            head = csv.next();
        } catch (CsvRecordReader.UnterminatedQuoteException e) {
            head = null;
        }
        if (head == null) throw new CsvHeaderException(List.of());
        header = new ArrayList<>();
        for (String name : head.fields()) {
            header.add(name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < header.size(); i++) index.putIfAbsent(header.get(i), i);
        List<String> missing = new ArrayList<>();
        for (String col : REQUIRED) if (!index.containsKey(col)) missing.add(col);
        for (String col : this.answerColumns) if (!index.containsKey(col)) missing.add(col);
        if (!missing.isEmpty()) throw new CsvHeaderException(missing);
    }

    /** Column names of the header, lower-cased, in file order. */
    public List<String> header() {
        return List.copyOf(header);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) next = readNext();
        return next != null;
    }

    @Override
    public PollRowResult next() {
        if (!hasNext()) throw new NoSuchElementException();
        PollRowResult r = next;
        next = null;
        return r;
    }

    /** The remaining rows as a sequential, lazily read stream. */
    public Stream<PollRowResult> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private PollRowResult readNext() {
        CsvRecordReader.CsvRecord rec;
        try {
            rec = csv.next();
        } catch (CsvRecordReader.UnterminatedQuoteException e) {
            done = true;
            String col = e.fieldIndex() < header.size() ? header.get(e.fieldIndex()) : null;
            return new RowError(e.line(), col, "unterminated quoted field (rest of input ignored)");
        } catch (UncheckedIOException e) {
            done = true;
            throw e;
        }
        if (rec == null) {
            done = true;
            return null;
        }
        return parse(rec);
    }

    private PollRowResult parse(CsvRecordReader.CsvRecord rec) {
        long line = rec.line();
        List<String> f = rec.fields();
        if (f.size() != header.size()) {
            return new RowError(line, null, "expected " + header.size() + " fields, found " + f.size());
        }
        try {
            LocalDate start = parseDate(line, "start_date", get(f, "start_date"));
            LocalDate end = parseDate(line, "end_date", get(f, "end_date"));
            boolean swapped = start.isAfter(end);
            if (swapped) {
                LocalDate t = start;
                start = end;
                end = t;
            }
            String pollster = get(f, "pollster");
            if (pollster == null) throw new BadCell(line, "pollster", "empty pollster");
            Integer sampleSize = parseSampleSize(line, get(f, "sample_size"));
            String population = get(f, "population");
            if (population == null || !POPULATIONS.contains(population.toLowerCase(Locale.ROOT))) {
                throw new BadCell(line, "population", "expected a, rv, lv or v but was '" + raw(population) + "'");
            }
            Boolean tracking = parseTracking(line, get(f, "tracking"));
            Map<String, Double> answers = new LinkedHashMap<>();
            for (String col : answerColumns) {
                String v = get(f, col);
                if (v != null) answers.put(col, parsePercent(line, col, v));
            }
            return new PollRow(
                    line,
                    start,
                    end,
                    swapped,
                    pollster,
                    get(f, "sponsor"),
                    sampleSize,
                    population.toLowerCase(Locale.ROOT),
                    get(f, "party"),
                    get(f, "subject"),
                    tracking,
                    get(f, "text"),
                    answers,
                    get(f, "url"));
        } catch (BadCell e) {
            return new RowError(e.line, e.column, e.getMessage());
        }
    }

    /** Trimmed cell of a column, {@code null} if the column is absent or the cell empty. */
    private String get(List<String> fields, String column) {
        Integer i = index.get(column);
        if (i == null) return null;
        String v = fields.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static String raw(String s) {
        return s == null ? "" : s;
    }

    /**
     * Parses {@code yyyy-MM-dd} or {@code M/d/yyyy} (strictly: no 2021-02-30).
     *
     * @throws IllegalArgumentException if neither form matches
     */
    public static LocalDate parseDate(String text) {
        String s = text.trim();
        try {
            return s.indexOf('/') >= 0 ? LocalDate.parse(s, US_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (yyyy-MM-dd or M/d/yyyy): '" + s + "'");
        }
    }

    private static LocalDate parseDate(long line, String column, String v) {
        if (v == null) throw new BadCell(line, column, "empty date");
        LocalDate date;
        try {
            date = parseDate(v);
        } catch (IllegalArgumentException e) {
            throw new BadCell(line, column, e.getMessage());
        }
        if (!InputLimits.dateInRange(date)) {
            throw new BadCell(line, column, InputLimits.dateRangeMessage() + ": '" + v + "'");
        }
        return date;
    }

    /** At most 40 characters of a cell, for messages. */
    private static String cut(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }

    /** An unsigned plain decimal, short enough that parsing it costs nothing. */
    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[0-9]{1,12}(\\.[0-9]{0,12})?");

    private static Integer parseSampleSize(long line, String v) {
        if (v == null) return null;
        if (!PLAIN_NUMBER.matcher(v).matches()) {
            throw new BadCell(
                    line, "sample_size", "not a number of at most 12 digits (and 12 decimals): '" + cut(v) + "'");
        }
        BigDecimal n = new BigDecimal(v);
        // Weighted sample sizes are sometimes published fractional: round to the nearest respondent.
        BigDecimal rounded = n.setScale(0, RoundingMode.HALF_UP);
        if (rounded.signum() <= 0 || rounded.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new BadCell(line, "sample_size", "must be a positive whole number of respondents: '" + v + "'");
        }
        return rounded.intValue();
    }

    private static Boolean parseTracking(long line, String v) {
        if (v == null) return null;
        if (v.equalsIgnoreCase("TRUE")) return Boolean.TRUE;
        if (v.equalsIgnoreCase("FALSE")) return Boolean.FALSE;
        throw new BadCell(line, "tracking", "expected TRUE, FALSE or empty but was '" + v + "'");
    }

    private static double parsePercent(long line, String column, String v) {
        // plain decimals only, bounded before any arithmetic: no "45d", "NaN", hex, or 1e100000000
        if (!PLAIN_NUMBER.matcher(v).matches()) {
            throw new BadCell(line, column, "not a number of at most 12 digits (and 12 decimals): '" + cut(v) + "'");
        }
        double d = new BigDecimal(v).doubleValue();
        if (!(d >= 0 && d <= 100)) { // also rejects NaN
            throw new BadCell(line, column, "percentage out of range [0,100]: " + v);
        }
        return d;
    }

    /** Internal control flow for the first bad cell of a row. */
    private static final class BadCell extends RuntimeException {
        final long line;
        final String column;

        BadCell(long line, String column, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.column = column;
        }
    }
}
