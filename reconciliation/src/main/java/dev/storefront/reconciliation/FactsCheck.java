package dev.storefront.reconciliation;

import dev.storefront.contract.StorefrontTables;
import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.facts.ProtoFacts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Order facts: the SQL join per order, against the latest fact per order of each facts topic. */
public final class FactsCheck {

    /**
     * Every order with its customer, and its items with their products (none for an order without items); %s is the
     * coupon code's column, or null before the schema evolution scenario add-coupon-code added it.
     */
    static final String SQL = """
            SELECT o.id, o.status, o.total, o.created_at, o.updated_at, %s AS coupon_code,
                   c.id AS customer_id, c.full_name, c.email, c.country,
                   i.id AS item_id, i.product_id, p.name AS product_name, p.category, i.quantity, i.price_at_purchase
            FROM orders o
            JOIN customers c ON c.id = o.customer_id
            LEFT JOIN (order_items i JOIN products p ON p.id = i.product_id) ON i.order_id = o.id
            ORDER BY o.id, i.id""";

    private FactsCheck() {}

    public static Map<Long, FactView> expected(Connection storefront) throws SQLException {
        Map<Long, FactView> orders = new LinkedHashMap<>();
        Map<Long, List<FactView.Item>> items = new LinkedHashMap<>();
        boolean coupons = CdcHistoryCheck.columns(storefront, "orders").contains(StorefrontTables.ORDERS_COUPON_CODE);
        String sql = SQL.formatted(coupons ? "o." + StorefrontTables.ORDERS_COUPON_CODE : "NULL::text");
        try (PreparedStatement statement = storefront.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long orderId = rows.getLong("id");
                if (!orders.containsKey(orderId)) {
                    orders.put(orderId, order(rows));
                    items.put(orderId, new ArrayList<>());
                }
                long itemId = rows.getLong("item_id");
                if (!rows.wasNull()) {
                    items.get(orderId)
                            .add(new FactView.Item(
                                    itemId,
                                    rows.getLong("product_id"),
                                    rows.getString("product_name"),
                                    rows.getString("category"),
                                    rows.getInt("quantity"),
                                    rows.getBigDecimal("price_at_purchase")));
                }
            }
        }
        Map<Long, FactView> facts = new LinkedHashMap<>();
        orders.forEach((orderId, order) -> facts.put(orderId, order.withItems(items.get(orderId))));
        return facts;
    }

    /** The order's columns, before its items are known. */
    private static FactView order(ResultSet row) throws SQLException {
        return new FactView(
                row.getLong("id"),
                row.getString("status"),
                row.getBigDecimal("total"),
                0,
                row.getLong("customer_id"),
                row.getString("full_name"),
                row.getString("email"),
                row.getString("country"),
                List.of(),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getString("coupon_code"));
    }

    public static FactView view(OrderFact fact) {
        return new FactView(
                fact.getOrderId(),
                fact.getStatus(),
                fact.getTotal(),
                fact.getItemCount(),
                fact.getCustomerId(),
                fact.getCustomerName(),
                fact.getCustomerEmail(),
                fact.getCustomerCountry(),
                fact.getItems().stream()
                        .map(i -> new FactView.Item(
                                i.getItemId(),
                                i.getProductId(),
                                i.getProductName(),
                                i.getCategory(),
                                i.getQuantity(),
                                i.getPrice()))
                        .toList(),
                fact.getCreatedAt(),
                fact.getUpdatedAt(),
                fact.getCouponCode());
    }

    public static FactView view(dev.storefront.pipeline.facts.proto.OrderFact fact) {
        return new FactView(
                fact.getOrderId(),
                fact.getStatus(),
                new BigDecimal(fact.getTotal()),
                fact.getItemCount(),
                fact.getCustomer().getId(),
                fact.getCustomer().getFullName(),
                fact.getCustomer().getEmail(),
                fact.getCustomer().getCountry(),
                fact.getItemsList().stream()
                        .map(i -> new FactView.Item(
                                i.getItemId(),
                                i.getProductId(),
                                i.getProductName(),
                                i.getCategory(),
                                i.getQuantity(),
                                new BigDecimal(i.getPrice())))
                        .toList(),
                ProtoFacts.instant(fact.getCreatedAt()),
                ProtoFacts.instant(fact.getUpdatedAt()),
                fact.hasCouponCode() ? fact.getCouponCode() : null);
    }
}
