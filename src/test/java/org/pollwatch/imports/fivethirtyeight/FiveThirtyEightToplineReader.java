package org.pollwatch.imports.fivethirtyeight;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streaming reader for FiveThirtyEight's published daily averages ("toplines":
 * {@code subject,modeldate,party,approve_estimate,disapprove_estimate,timestamp}). These files are
 * model output rather than user input, so a malformed row is not skipped but fails with an
 * {@link IllegalArgumentException} naming the line and column.
 */
public final class FiveThirtyEightToplineReader implements Iterator<Topline>, Closeable {

    private final Reader source;
    private final CsvRecordReader csv;
    private final Map<String, Integer> index = new HashMap<>();
    private final int width;
    private final List<String> choices;
    private Topline next;
    private boolean done;

    /**
     * @param choices choice names; each needs a {@code <choice>_estimate} column
     * @throws CsvHeaderException if {@code modeldate} or an estimate column is missing
     */
    public FiveThirtyEightToplineReader(Reader in, List<String> choices) {
        this.source = in;
        this.csv = new CsvRecordReader(in);
        this.choices = List.copyOf(choices);
        CsvRecordReader.CsvRecord head = csv.next();
        if (head == null) throw new CsvHeaderException(List.of());
        width = head.fields().size();
        for (int i = 0; i < width; i++) {
            index.putIfAbsent(head.fields().get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        if (!index.containsKey("modeldate")) missing.add("modeldate");
        for (String c : this.choices) if (!index.containsKey(c + "_estimate")) missing.add(c + "_estimate");
        if (!missing.isEmpty()) throw new CsvHeaderException(missing);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            CsvRecordReader.CsvRecord rec = csv.next();
            if (rec == null) done = true;
            else next = parse(rec);
        }
        return next != null;
    }

    @Override
    public Topline next() {
        if (!hasNext()) throw new NoSuchElementException();
        Topline t = next;
        next = null;
        return t;
    }

    public Stream<Topline> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private Topline parse(CsvRecordReader.CsvRecord rec) {
        List<String> f = rec.fields();
        if (f.size() != width) {
            throw new IllegalArgumentException(
                    "line " + rec.line() + ": expected " + width + " fields, found " + f.size());
        }
        Map<String, Double> est = new LinkedHashMap<>();
        String col = "modeldate";
        try {
            var date = FiveThirtyEightPollReader.parseDate(f.get(index.get(col)));
            for (String c : choices) {
                col = c + "_estimate";
                est.put(c, new BigDecimal(f.get(index.get(col)).trim()).doubleValue());
            }
            return new Topline(rec.line(), date, cell(f, "subject"), cell(f, "party"), est);
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            throw new IllegalArgumentException("line " + rec.line() + ", column " + col + ": " + e.getMessage(), e);
        }
    }

    private String cell(List<String> f, String column) {
        Integer i = index.get(column);
        if (i == null) return null;
        String v = f.get(i).trim();
        return v.isEmpty() ? null : v;
    }
}
