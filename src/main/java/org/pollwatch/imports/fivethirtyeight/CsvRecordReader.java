package org.pollwatch.imports.fivethirtyeight;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal streaming RFC 4180 tokenizer: quoted fields may contain commas, doubled quotes and line
 * breaks. Reads one record at a time from the underlying {@link Reader} (which it buffers itself),
 * so memory use is bounded by the longest record, not the file.
 *
 * <p>Lenient where RFC 4180 is strict but the intent is obvious: a quote inside an unquoted field
 * is kept literally, characters after a closing quote are appended, and CRLF, LF or a lone CR all
 * end a record. Blank lines are skipped. An unterminated quoted field is the one hard error.
 */
final class CsvRecordReader {

    /** One record and the 1-based physical line on which it starts. */
    record CsvRecord(long line, List<String> fields) {}

    /** A quoted field that is still open at end of input. */
    static final class UnterminatedQuoteException extends RuntimeException {
        private final long line;
        private final int fieldIndex;

        UnterminatedQuoteException(long line, int fieldIndex) {
            super("unterminated quoted field starting on line " + line);
            this.line = line;
            this.fieldIndex = fieldIndex;
        }

        long line() {
            return line;
        }

        /** 0-based index of the open field within its record. */
        int fieldIndex() {
            return fieldIndex;
        }
    }

    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long line = 1;
    private int pushedBack = -2; // -2 = none

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** Next non-blank record, or {@code null} at end of input. */
    CsvRecord next() {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n' || c == '\r') { // blank line
                endOfLine(c);
                continue;
            }
            unread(c);
            return readRecord();
        }
    }

    private CsvRecord readRecord() {
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false; // inside an open quoted section
        long quoteLine = line;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new UnterminatedQuoteException(quoteLine, fields.size());
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(d);
                    }
                } else {
                    if (c == '\n' || (c == '\r')) {
                        line++;
                        if (c == '\r') { // keep CRLF inside quotes as one line break
                            int d = read();
                            if (d == '\n') field.append('\r');
                            else unread(d);
                            c = d == '\n' ? '\n' : '\r';
                        }
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c != -1) endOfLine(c);
                return new CsvRecord(startLine, fields);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
            } else {
                field.append((char) c);
            }
        }
    }

    private void endOfLine(int c) {
        line++;
        if (c == '\r') {
            int d = read();
            if (d != '\n') unread(d);
        }
    }

    private int read() {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == len) {
            try {
                len = in.read(buf, 0, buf.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
