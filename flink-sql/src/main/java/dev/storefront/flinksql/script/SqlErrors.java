package dev.storefront.flinksql.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flink's error for one statement, with its positions ("line 2, column 8") turned into positions in the file. */
public final class SqlErrors {

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private SqlErrors() {}

    /** {@code message} (Flink's, about {@code statement}) with every position it names given in the file. */
    public static String inFile(String message, SqlScript.Statement statement) {
        Matcher position = POSITION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (position.find()) {
            SqlScript.Position inFile =
                    statement.inFile(Integer.parseInt(position.group(1)), Integer.parseInt(position.group(2)));
            position.appendReplacement(out, "line " + inFile.line() + ", column " + inFile.column());
        }
        position.appendTail(out);
        return out.toString();
    }

    /**
     * The first message among {@code failure} and its causes that names a position (Flink wraps the parser's and the
     * validator's), else the deepest message: what is wrong, not where Flink noticed.
     */
    public static String flinkMessage(Throwable failure) {
        String deepest = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && POSITION.matcher(t.getMessage()).find()) {
                return t.getMessage();
            }
            if (t.getMessage() != null) {
                deepest = t.getMessage();
            }
        }
        return deepest;
    }
}
