package dev.storefront.flinksql.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code .sql} file cut into its statements, each with where it starts in the file, so an error Flink reports
 * relative to one statement can be given relative to the file. Semicolons inside literals, quoted identifiers and
 * comments do not end a statement; a statement set ({@code EXECUTE STATEMENT SET BEGIN ... END;}) is one statement.
 */
public final class SqlScript {

    private static final Pattern STATEMENT_SET = Pattern.compile("(?is)(EXECUTE\\s+)?STATEMENT\\s+SET\\s+BEGIN\\b.*");
    private static final Pattern ENDS_WITH_END = Pattern.compile("(?is).*\\bEND");

    /**
     * One statement: its text without the closing semicolon (comments blanked, so lines and columns inside it are the
     * file's), and the line and column (from 1) of its first character in the file.
     */
    public record Statement(String text, int line, int column) {

        /** The first keyword, upper case: CREATE, INSERT, SET, EXECUTE, ... */
        public String keyword() {
            int end = 0;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            return text.substring(0, end).toUpperCase(Locale.ROOT);
        }

        /** A position Flink gives inside this statement, as a position in the file. */
        public Position inFile(int statementLine, int statementColumn) {
            return statementLine == 1
                    ? new Position(line, column + statementColumn - 1)
                    : new Position(line + statementLine - 1, statementColumn);
        }
    }

    public record Position(int line, int column) {}

    private SqlScript() {}

    public static List<Statement> parse(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int column = 1;
        int startLine = 0;
        int startColumn = 0;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            String piece;
            if (script.startsWith("--", i)) {
                end = indexOrEnd(script, script.indexOf('\n', i));
                piece = blanks(script.substring(i, end));
            } else if (script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                end = close < 0 ? script.length() : close + 2;
                piece = blanks(script.substring(i, end));
            } else if (c == '\'' || c == '"' || c == '`') {
                end = quoted(script, i, c);
                piece = script.substring(i, end);
            } else {
                end = i + 1;
                piece = String.valueOf(c);
            }
            boolean code = !piece.isBlank();
            if (c == ';' && end == i + 1) {
                String text = current.toString().stripTrailing();
                if (STATEMENT_SET.matcher(text).matches()
                        && !ENDS_WITH_END.matcher(text).matches()) {
                    current.append(c);
                } else {
                    if (!text.isEmpty()) {
                        statements.add(new Statement(text, startLine, startColumn));
                    }
                    current.setLength(0);
                }
            } else if (current.length() > 0 || code) {
                if (current.length() == 0) {
                    startLine = line;
                    startColumn = column;
                }
                current.append(piece);
            }
            for (int k = i; k < end; k++) {
                if (script.charAt(k) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            i = end;
        }
        String rest = current.toString().stripTrailing();
        if (!rest.isEmpty()) {
            statements.add(new Statement(rest, startLine, startColumn));
        }
        return statements;
    }

    private static int indexOrEnd(String script, int index) {
        return index < 0 ? script.length() : index;
    }

    /** The index just after the literal or quoted identifier opened at {@code start} (a doubled quote escapes it). */
    private static int quoted(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** A comment as blanks of the same shape: its line breaks stay, so the positions after it do not move. */
    private static String blanks(String comment) {
        return comment.replaceAll("[^\\n]", " ");
    }
}
