package dev.storefront.reconciliation;

import dev.storefront.pipeline.analytics.Group;
import dev.storefront.pipeline.avro.Revenue;
import dev.storefront.pipeline.avro.RevenueKey;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Revenue by category x country: the SQL GROUP BY against the upsert topic and against the sink's table. */
public final class RevenueCheck {

    /** The ground truth of the analytics output. */
    static final String SQL = """
            SELECT p.category, c.country, SUM(oi.quantity * oi.price_at_purchase) AS revenue,
                   COUNT(DISTINCT o.id) AS order_count
            FROM orders o
            JOIN customers c ON c.id = o.customer_id
            JOIN order_items oi ON oi.order_id = o.id
            JOIN products p ON p.id = oi.product_id
            WHERE o.status <> 'cancelled'
            GROUP BY 1, 2""";

    /** The table the analytics JDBC sink upserts into (analytics database). */
    public static final String TABLE = "revenue_by_category_country";

    private RevenueCheck() {}

    /** A group's revenue and distinct order count. */
    public record Totals(BigDecimal revenue, long orders) {
        public Totals {
            revenue = SqlValues.money(revenue);
        }
    }

    public static Map<Group, Totals> expected(Connection storefront) throws SQLException {
        return query(storefront, SQL);
    }

    public static Map<Group, Totals> table(Connection analytics) throws SQLException {
        return table(analytics, TABLE);
    }

    /** A revenue table of the analytics database: the JDBC sink's, or the SQL layer's. */
    public static Map<Group, Totals> table(Connection analytics, String table) throws SQLException {
        return query(analytics, "SELECT category, country, revenue, order_count FROM " + table);
    }

    public static Map<Group, Totals> topic(Map<RevenueKey, Revenue> latest) {
        Map<Group, Totals> groups = new LinkedHashMap<>();
        latest.forEach((key, value) -> groups.put(
                new Group(key.getCategory(), key.getCountry()), new Totals(value.getRevenue(), value.getOrderCount())));
        return groups;
    }

    private static Map<Group, Totals> query(Connection db, String sql) throws SQLException {
        Map<Group, Totals> groups = new LinkedHashMap<>();
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                groups.put(
                        new Group(rows.getString("category"), rows.getString("country")),
                        new Totals(rows.getBigDecimal("revenue"), rows.getLong("order_count")));
            }
        }
        return groups;
    }
}
