package dev.storefront.evolution.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The column changes of captured tables (captured before or after) between two shapes. */
public final class ShapeDiff {

    private ShapeDiff() {}

    public static List<Change> between(Shapes before, Shapes after) {
        TreeSet<String> tables = new TreeSet<>(before.captured());
        tables.addAll(after.captured());
        List<Change> changes = new ArrayList<>();
        for (String table : tables) {
            Map<String, Column> old = byName(before.columns(table));
            Map<String, Column> now = byName(after.columns(table));
            for (Column column : before.columns(table)) {
                Column next = now.get(column.name());
                if (next == null || !next.equals(column)) {
                    changes.add(new Change(table, column, next));
                }
            }
            for (Column column : after.columns(table)) {
                if (!old.containsKey(column.name())) {
                    changes.add(new Change(table, null, column));
                }
            }
        }
        return changes;
    }

    /** The tables the publication captures after but not before: every column of theirs is an added one. */
    public static List<String> newTables(Shapes before, Shapes after) {
        return after.captured().stream()
                .filter(table -> !before.captured().contains(table))
                .sorted()
                .toList();
    }

    private static Map<String, Column> byName(List<Column> columns) {
        return columns.stream().collect(Collectors.toMap(Column::name, Function.identity()));
    }
}
