package dev.storefront.seeder.deltas;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Picks random rows without scanning a table: each pick is a random id (a pivot) between the table's smallest
 * and largest, and the row is the first match from there, wrapping to the first match of the table when there
 * is none after it. The pivots are drawn here, so one statement picks a whole tick's rows of a kind.
 */
final class RandomRows {

    /** The tables the deltas pick from. */
    static final List<String> TABLES = List.of("customers", "products", "orders", "payments");

    private final Map<String, long[]> idRanges;
    private final SplittableRandom random;

    private RandomRows(Map<String, long[]> idRanges, SplittableRandom random) {
        this.idRanges = idRanges;
        this.random = random;
    }

    /** The id ranges of every table, read in one round trip (min and max come from the primary keys). */
    static RandomRows read(Connection connection, SplittableRandom random) throws SQLException {
        String ranges = TABLES.stream()
                .map(table -> "(SELECT min(id) FROM " + table + "), (SELECT max(id) FROM " + table + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        Map<String, long[]> idRanges = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(ranges)) {
            rs.next();
            for (int i = 0; i < TABLES.size(); i++) {
                long min = rs.getLong(2 * i + 1);
                idRanges.put(TABLES.get(i), rs.wasNull() ? new long[0] : new long[] {min, rs.getLong(2 * i + 2)});
            }
        }
        return new RandomRows(idRanges, random);
    }

    /** {@code count} random ids of {@code table}'s range; none when the table is empty. */
    Long[] pivots(String table, int count) {
        long[] range = idRanges.get(table);
        if (range.length == 0) {
            return new Long[0];
        }
        Long[] pivots = new Long[count];
        for (int i = 0; i < count; i++) {
            pivots[i] = range[0] + random.nextLong(range[1] - range[0] + 1);
        }
        return pivots;
    }

    /**
     * A query of distinct random rows of {@code table} matching {@code condition}, ordered by id (a stable lock
     * order): columns {@code id} and the named values handed beside each pivot. Its parameters are the pivots
     * ({@code bigint[]}), then one array per value, each declared as {@code "name type"}. Two pivots that land on
     * the same row pick it once, with the values of either.
     */
    static String distinct(String table, String condition, String... values) {
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder("?::bigint[]");
        for (String value : values) {
            String[] nameAndType = value.split(" ");
            names.append(", ").append(nameAndType[0]);
            arrays.append(", ?::").append(nameAndType[1]).append("[]");
        }
        return "SELECT DISTINCT ON (x.id) x.id" + names.toString().replace(", ", ", p.")
                + " FROM unnest(" + arrays + ") AS p(pivot" + names + ")"
                + firstMatch(table, condition)
                + " WHERE x.id IS NOT NULL ORDER BY x.id";
    }

    /**
     * A query of one random row of {@code table} per pivot, duplicates kept, in the pivots' order: the named
     * {@code columns} of each. Its one parameter is the pivots ({@code bigint[]}).
     */
    static String each(String table, String columns) {
        return "SELECT " + columns + " FROM unnest(?::bigint[]) WITH ORDINALITY AS p(pivot, k)"
                + firstMatch(table, "true")
                + " JOIN " + table + " t ON t.id = x.id ORDER BY p.k";
    }

    /**
     * The first match at or after each pivot. OFFSET 0 keeps the subquery from being pulled up: pulled up, its
     * expression is copied into the filter and the sort key and each pick runs twice.
     */
    private static String firstMatch(String table, String condition) {
        String matches = "SELECT id FROM " + table + " WHERE " + condition;
        return " CROSS JOIN LATERAL (SELECT coalesce((" + matches + " AND id >= p.pivot ORDER BY id LIMIT 1), ("
                + matches + " ORDER BY id LIMIT 1)) AS id OFFSET 0) x";
    }
}
