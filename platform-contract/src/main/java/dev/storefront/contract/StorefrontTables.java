package dev.storefront.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which storefront tables the platform captures. The publication the migrations create (and later migrations extend)
 * is the truth at run time: a table added there is captured, counted and reconciled in its history without a Java
 * change. The compiled list names only the tables the pipeline's outputs read.
 */
public final class StorefrontTables {

    /**
     * The columns the pipeline reads, per table. One Kafka Streams application makes the order facts, the revenue
     * analytics and the outbox feed: a column here that disappears or changes type stops all three (the pipeline
     * refuses a missing or mistyped field), which is why schema evolution's pre-flight refuses such a change. The
     * pipeline's ColumnsReadTest proves its row factories read exactly these. payments feeds only the CDC history.
     */
    public static final Map<String, List<String>> COLUMNS_READ_BY_PIPELINE = columnsRead();

    /**
     * orders.coupon_code, which the schema evolution scenario add-coupon-code adds while the platform streams: once it
     * exists the seeder applies coupons to pending orders, the order facts carry it and verify compares it. Not among
     * the columns the pipeline needs: it reads it when the change event has it.
     */
    public static final String ORDERS_COUPON_CODE = "coupon_code";

    /** The tables the pipeline's outputs read. */
    public static final List<String> READ_BY_PIPELINE = List.copyOf(COLUMNS_READ_BY_PIPELINE.keySet());

    private StorefrontTables() {}

    private static Map<String, List<String>> columnsRead() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("customers", List.of("id", "full_name", "email", "country"));
        columns.put("products", List.of("id", "name", "category"));
        columns.put("orders", List.of("id", "customer_id", "status", "total", "created_at", "updated_at"));
        columns.put("order_items", List.of("id", "order_id", "product_id", "quantity", "price_at_purchase"));
        return Collections.unmodifiableMap(columns);
    }

    /** The tables of schema public in {@code publication}, sorted by name; empty if it does not exist. */
    public static List<String> captured(Connection db, String publication) throws SQLException {
        List<String> tables = new ArrayList<>();
        String sql = "SELECT tablename FROM pg_publication_tables WHERE pubname = ? AND schemaname = 'public'"
                + " ORDER BY tablename";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, publication);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }
}
