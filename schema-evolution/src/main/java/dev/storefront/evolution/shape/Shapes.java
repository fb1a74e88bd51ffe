package dev.storefront.evolution.shape;

import dev.storefront.contract.StorefrontTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The columns of the tables of schema public, and which of them the publication captures. */
public record Shapes(Map<String, List<Column>> tables, Set<String> captured) {

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typname, a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid)
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY c.relname, a.attnum""";

    /** What {@code db} sees now (inside its transaction, if one is open). */
    public static Shapes read(Connection db, String publication) throws SQLException {
        Map<String, List<Column>> tables = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement(COLUMNS);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                        .add(new Column(
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getBoolean(5),
                                rows.getString(6)));
            }
        }
        return new Shapes(tables, Set.copyOf(StorefrontTables.captured(db, publication)));
    }

    public List<Column> columns(String table) {
        return tables.getOrDefault(table, List.of());
    }
}
