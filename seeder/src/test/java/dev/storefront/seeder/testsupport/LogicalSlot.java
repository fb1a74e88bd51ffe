package dev.storefront.seeder.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logical replication slot with the test_decoding plugin: every committed change and logical decoding
 * message after its creation, in commit order, as PostgreSQL itself decodes them.
 */
public final class LogicalSlot implements AutoCloseable {

    private static final Pattern ROW = Pattern.compile("^table public\\.(\\w+): (INSERT|UPDATE|DELETE): (.*)$");
    private static final Pattern MESSAGE =
            Pattern.compile("^message: transactional: (\\d) prefix: (.*?), sz: \\d+ content:(.*)$", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("(\\w+)\\[[^\\]]+\\]:('(?:[^']|'')*'|\\S+)");

    /** A decoded change: a row change (table, op, old and new column values) or a message (prefix, content). */
    public record Change(
            String table,
            String op,
            Map<String, String> before,
            Map<String, String> after,
            String prefix,
            String content) {

        public boolean isRow(String table, String op) {
            return table.equals(this.table) && op.equals(this.op);
        }

        public boolean isMessage() {
            return "MESSAGE".equals(op);
        }
    }

    private final String name;

    private LogicalSlot(String name) {
        this.name = name;
    }

    public static LogicalSlot create(String name) {
        StorefrontDb.queryRows("SELECT pg_create_logical_replication_slot(?, 'test_decoding')", name);
        return new LogicalSlot(name);
    }

    /** Consumes the changes decoded so far. */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (String data :
                StorefrontDb.queryStrings("SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL)", name)) {
            Matcher row = ROW.matcher(data);
            Matcher message = MESSAGE.matcher(data);
            if (row.matches()) {
                changes.add(rowChange(row.group(1), row.group(2), row.group(3)));
            } else if (message.matches()) {
                changes.add(new Change(null, "MESSAGE", Map.of(), Map.of(), message.group(2), message.group(3)));
            }
        }
        return changes;
    }

    @Override
    public void close() {
        StorefrontDb.queryRows("SELECT pg_drop_replication_slot(?)", name);
    }

    private static Change rowChange(String table, String op, String columns) {
        return switch (op) {
            case "INSERT" -> new Change(table, op, Map.of(), columns(columns), null, null);
            case "DELETE" -> new Change(table, op, columns(columns), Map.of(), null, null);
            default -> {
                String[] parts = columns.substring("old-key: ".length()).split(" new-tuple: ", 2);
                yield new Change(table, op, columns(parts[0]), columns(parts[1]), null, null);
            }
        };
    }

    private static Map<String, String> columns(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher column = COLUMN.matcher(text);
        while (column.find()) {
            String value = column.group(2);
            values.put(
                    column.group(1),
                    value.startsWith("'")
                            ? value.substring(1, value.length() - 1).replace("''", "'")
                            : value);
        }
        return values;
    }
}
