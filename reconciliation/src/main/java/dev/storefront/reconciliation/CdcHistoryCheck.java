package dev.storefront.reconciliation;

import dev.storefront.contract.CdcHistory;
import dev.storefront.pipeline.cdc.ChangeEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/**
 * CDC history: each {@code <table>_cdc} table must hold one row per change of {@code <prefix>.public.<table>} (a change
 * the topic holds twice included: the table is keyed by the change), and the last row per key must agree with the
 * source table (a present row: last op c/u/r with equal columns; a deleted row: last op d). Apart from that, a committed
 * reader of the topic must see each change once, but for snapshot reads: an interrupted snapshot starts over.
 */
public final class CdcHistoryCheck {

    private static final String SNAPSHOT_READ = "r";
    private static final Set<String> PRESENT_OPS = Set.of("c", "u", SNAPSHOT_READ);

    /** How verify names the check that a committed reader sees each streamed change of a CDC topic once. */
    public static final String SEEN_ONCE = "changes seen once";

    private CdcHistoryCheck() {}

    /** One change event: the row, the operation and its WAL position (what __op and __source_lsn record). */
    public record Change(long id, String op, long lsn) {}

    /** The last known state of a row: {@code present} with its columns, {@code deleted}, or an unexpected op. */
    public record RowState(String state, Map<String, String> columns) {
        static final RowState DELETED = new RowState("deleted", Map.of());

        static RowState present(Map<String, String> columns) {
            return new RowState("present", columns);
        }
    }

    /** Counts a topic record: the sink writes one row per event, and drops tombstones. */
    public static void count(Map<Change, Integer> changes, GenericRecord key, GenericRecord envelope) {
        if (envelope != null) {
            changes.merge(
                    new Change(
                            ChangeEvent.id(key),
                            ChangeEvent.op(envelope),
                            ChangeEvent.position(envelope).lsn()),
                    1,
                    Integer::sum);
        }
    }

    public static String historyTable(String table) {
        return CdcHistory.table(table);
    }

    /** Each change of the topic, once: what the history table must hold. */
    public static Map<Change, Integer> distinct(Map<Change, Integer> changes) {
        Map<Change, Integer> once = new LinkedHashMap<>();
        changes.keySet().forEach(change -> once.put(change, 1));
        return once;
    }

    /** The changes other than snapshot reads, each with how often the topic holds it: every count must be 1. */
    public static Map<Change, Integer> streamed(Map<Change, Integer> changes) {
        Map<Change, Integer> streamed = new LinkedHashMap<>();
        changes.forEach((change, count) -> {
            if (!SNAPSHOT_READ.equals(change.op())) {
                streamed.put(change, count);
            }
        });
        return streamed;
    }

    /** Snapshot reads the topic holds more than once (an interrupted snapshot is re-sent from its start). */
    public static long repeatedReads(Map<Change, Integer> changes) {
        return changes.entrySet().stream()
                .filter(e -> SNAPSHOT_READ.equals(e.getKey().op()) && e.getValue() > 1)
                .count();
    }

    /** How many rows of the history table record each change. */
    public static Map<Change, Integer> historyChanges(Connection analytics, String table) throws SQLException {
        Map<Change, Integer> changes = new LinkedHashMap<>();
        String sql = "SELECT id, __op, __source_lsn FROM " + historyTable(table);
        try (PreparedStatement statement = analytics.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                changes.merge(new Change(rows.getLong(1), rows.getString(2), rows.getLong(3)), 1, Integer::sum);
            }
        }
        return changes;
    }

    /** The rows of the source table, by id. */
    public static Map<Long, RowState> sourceStates(Connection storefront, String table) throws SQLException {
        Map<Long, RowState> states = new LinkedHashMap<>();
        try (PreparedStatement statement = storefront.prepareStatement("SELECT * FROM " + table);
                ResultSet rows = statement.executeQuery()) {
            List<String> columns = columns(rows.getMetaData());
            while (rows.next()) {
                states.put(rows.getLong("id"), RowState.present(values(rows, columns)));
            }
        }
        return states;
    }

    /** The state each row's last history row (by WAL position) tells, with the source table's columns. */
    public static Map<Long, RowState> historyStates(Connection analytics, String table, List<String> columns)
            throws SQLException {
        Map<Long, RowState> states = new LinkedHashMap<>();
        String sql = "SELECT DISTINCT ON (id) * FROM " + historyTable(table) + " ORDER BY id, __source_lsn DESC";
        try (PreparedStatement statement = analytics.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            List<String> present = columns(rows.getMetaData());
            while (rows.next()) {
                String op = rows.getString("__op");
                RowState state;
                if ("d".equals(op)) {
                    state = RowState.DELETED;
                } else if (PRESENT_OPS.contains(op)) {
                    state = RowState.present(values(
                            rows, columns.stream().filter(present::contains).toList()));
                } else {
                    state = new RowState("op " + op, Map.of());
                }
                states.put(rows.getLong("id"), state);
            }
        }
        return states;
    }

    /** What the history should end with: the source's rows, and "deleted" for every other row it recorded. */
    public static Map<Long, RowState> expectedStates(Map<Long, RowState> source, Set<Long> recorded) {
        Map<Long, RowState> expected = new LinkedHashMap<>(source);
        recorded.forEach(id -> expected.putIfAbsent(id, RowState.DELETED));
        return expected;
    }

    /** The source table's column names. */
    public static List<String> columns(Connection storefront, String table) throws SQLException {
        try (PreparedStatement statement = storefront.prepareStatement("SELECT * FROM " + table + " WHERE false");
                ResultSet rows = statement.executeQuery()) {
            return columns(rows.getMetaData());
        }
    }

    private static List<String> columns(ResultSetMetaData metaData) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            columns.add(metaData.getColumnName(i));
        }
        return columns;
    }

    private static Map<String, String> values(ResultSet row, List<String> columns) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : columns) {
            values.put(column, SqlValues.text(row.getObject(column)));
        }
        return values;
    }
}
