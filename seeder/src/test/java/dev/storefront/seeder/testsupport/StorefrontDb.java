package dev.storefront.seeder.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Direct SQL on the seeder's database, the ground truth every test reconciles against. Reads the same
 * configuration as the app under test.
 */
public final class StorefrontDb {

    private StorefrontDb() {}

    /** The captured storefront tables: those of Debezium's publication, as the platform reads them. */
    public static List<String> tables() {
        return queryStrings(
                "SELECT tablename FROM pg_publication_tables WHERE pubname = ? AND schemaname = 'public'"
                        + " ORDER BY tablename",
                config("quarkus.flyway.placeholders.debezium_publication"));
    }

    public static String config(String name) {
        Config config = ConfigProvider.getConfig();
        return config.getValue(name, String.class);
    }

    /** A connection as the database owner (the seeder's own user). */
    public static Connection connect() throws SQLException {
        return connectAs(config("quarkus.datasource.username"), config("quarkus.datasource.password"));
    }

    public static Connection connectAs(String user, String password) throws SQLException {
        return DriverManager.getConnection(config("quarkus.datasource.jdbc.url"), user, password);
    }

    /** Empties every storefront table and restarts the id sequences, as a fresh database. */
    public static void reset() {
        update("TRUNCATE " + String.join(", ", tables()) + " RESTART IDENTITY CASCADE");
    }

    /** Rows per storefront table, counted in one statement (one snapshot). */
    public static Map<String, Long> rowCounts() {
        String sql = "SELECT "
                + String.join(
                        ", ",
                        tables().stream()
                                .map(table -> "(SELECT count(*) FROM " + table + ") AS " + table)
                                .toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        queryRows(sql).get(0).forEach((table, count) -> counts.put(table, ((Number) count).longValue()));
        return counts;
    }

    /** Every row of a table as text, in id order: two dumps are equal iff the tables hold the same rows. */
    public static List<String> dump(String table) {
        return queryStrings("SELECT t::text FROM " + table + " t ORDER BY id");
    }

    public static long queryLong(String sql, Object... parameters) {
        List<Map<String, Object>> rows = queryRows(sql, parameters);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    public static List<String> queryStrings(String sql, Object... parameters) {
        return queryRows(sql, parameters).stream()
                .map(row -> String.valueOf(row.values().iterator().next()))
                .toList();
    }

    public static List<Map<String, Object>> queryRows(String sql, Object... parameters) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static void update(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
