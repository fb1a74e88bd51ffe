package dev.storefront.seeder.fullload;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, backslash escapes, {@code \N} for null), built in
 * memory for one batch and then streamed to the server in a single COPY.
 */
final class CopyBuffer {

    private static final int CHUNK = 1 << 16;

    private final StringBuilder text = new StringBuilder(CHUNK);
    private boolean firstField = true;
    private long rows;

    CopyBuffer text(String value) {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyBuffer number(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** A non-negative amount of cents as an exact decimal with two places (numeric(p, 2)). */
    CopyBuffer money(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("Negative amount: " + cents);
        }
        separate();
        long fraction = cents % 100;
        text.append(cents / 100).append('.');
        if (fraction < 10) {
            text.append('0');
        }
        text.append(fraction);
        return this;
    }

    /** An instant in ISO-8601 (UTC), which timestamptz accepts as is; null becomes SQL NULL. */
    CopyBuffer timestamp(Instant value) {
        separate();
        text.append(value == null ? "\\N" : value.toString());
        return this;
    }

    void endRow() {
        text.append('\n');
        firstField = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Streams the rows to a COPY in UTF-8 chunks, without copying the whole buffer at once. */
    void writeTo(CopyIn copy) throws SQLException {
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + CHUNK);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            byte[] bytes = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            from = to;
        }
    }

    /** The rows as text (for tests). */
    String contents() {
        return text.toString();
    }

    private void separate() {
        if (!firstField) {
            text.append('\t');
        }
        firstField = false;
    }
}
