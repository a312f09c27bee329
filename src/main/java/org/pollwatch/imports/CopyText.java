package org.pollwatch.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: columns separated by tabs,
 * rows ended by a newline, {@code \N} for null, and backslash, tab, newline and carriage return
 * escaped with a backslash (PostgreSQL documentation, "COPY", section "Text Format"). Array columns
 * take an array literal ({@code {"a","b"}}, section "Array Value Input"), which is then escaped as
 * any other text. Writes straight to its output (the COPY stream), so no chunk is held whole in memory.
 */
final class CopyText {

    private final Appendable out;
    private boolean rowStarted;

    CopyText(Appendable out) {
        this.out = out;
    }

    CopyText column(Object value) {
        try {
            separate();
            if (value == null) {
                out.append("\\N");
            } else {
                escape(value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A one-dimensional array column; null elements become NULL. */
    CopyText arrayColumn(List<?> values) {
        if (values == null) {
            return column(null);
        }
        StringBuilder literal = new StringBuilder(values.size() * 8 + 2).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                literal.append("NULL");
            } else {
                literal.append('"');
                String text = value.toString();
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
        }
        return column(literal.append('}'));
    }

    CopyText endRow() {
        try {
            out.append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rowStarted = false;
        return this;
    }

    private void separate() throws IOException {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
    }

    private void escape(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
