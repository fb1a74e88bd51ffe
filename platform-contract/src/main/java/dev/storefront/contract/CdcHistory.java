package dev.storefront.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDC history tables the history sink writes into the analytics database: {@code <table>_cdc}, one row per change
 * of a captured table. A change is its row, its WAL position and its operation, the table's primary key, so a change
 * the sink delivers twice (it re-sends what it wrote after its last committed offset) is written once. A read of an
 * incremental snapshot has no WAL position: the sink records it at 0 (connect-worker-extensions' ReadPositionAsZero).
 */
public final class CdcHistory {

    public static final String SUFFIX = "_cdc";

    /** The row's id and the columns the sink's unwrap transform adds (add.fields=op,source.ts_ms,source.lsn). */
    public static final List<String> KEY_COLUMNS = List.of("id", "__source_lsn", "__op");

    private CdcHistory() {}

    public static String table(String captured) {
        return captured + SUFFIX;
    }

    /** A history table that was given its key: its name and the repeated rows dropped first. */
    public record KeyAdded(String table, long repeatedRowsDropped) {}

    /**
     * Gives every history table written before the tables had a key (by an earlier version of the sink, which
     * appended) its key: drops the rows that repeat a change, then adds the primary key. Idempotent; a table with a
     * primary key is left alone.
     */
    public static List<KeyAdded> addMissingKeys(Connection analytics) throws SQLException {
        List<String> keyless = new ArrayList<>();
        String sql = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')"
                + " ORDER BY c.relname";
        try (PreparedStatement statement = analytics.prepareStatement(sql)) {
            statement.setString(1, "%" + SUFFIX);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keyless.add(rows.getString(1));
                }
            }
        }
        List<KeyAdded> added = new ArrayList<>();
        String key = String.join(", ", KEY_COLUMNS);
        for (String table : keyless) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            try (Statement statement = analytics.createStatement()) {
                int dropped = statement.executeUpdate("DELETE FROM " + quoted + " a USING " + quoted + " b"
                        + " WHERE a.ctid > b.ctid"
                        + KEY_COLUMNS.stream()
                                .map(column -> " AND a." + column + " = b." + column)
                                .reduce("", String::concat));
                statement.execute("ALTER TABLE " + quoted + " ADD PRIMARY KEY (" + key + ")");
                added.add(new KeyAdded(table, dropped));
            }
        }
        return added;
    }
}
