package dev.storefront.reconciliation;

import dev.storefront.pipeline.avro.OrderOutput;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox feed: {@code order_output} must hold exactly the orders of the decodable messages, as the messages
 * told them; and what PostgreSQL still has of those orders (client, lines, total: the columns deltas never change)
 * must agree with it.
 */
public final class OrderOutputCheck {

    static final String SQL = """
            SELECT o.id, c.full_name, c.email, o.total, i.product_id, i.quantity, i.price_at_purchase
            FROM orders o
            JOIN customers c ON c.id = o.customer_id
            JOIN order_items i ON i.order_id = o.id
            WHERE o.id = ANY (?)
            ORDER BY o.id, i.product_id""";

    private OrderOutputCheck() {}

    /** An order_output value, comparable. */
    public record Emitted(
            long orderId,
            String clientName,
            String clientEmail,
            String clientCountry,
            List<Line> items,
            BigDecimal total) {
        public Emitted {
            items = List.copyOf(items);
            total = SqlValues.money(total);
        }
    }

    public record Line(long productId, String name, String category, int quantity, BigDecimal price) {
        public Line {
            price = SqlValues.money(price);
        }
    }

    /** What PostgreSQL keeps unchanged of an order after it was emitted. */
    public record Recorded(String clientName, String clientEmail, List<RecordedLine> items, BigDecimal total) {
        public Recorded {
            items = List.copyOf(items);
            total = SqlValues.money(total);
        }
    }

    public record RecordedLine(long productId, int quantity, BigDecimal price) {
        public RecordedLine {
            price = SqlValues.money(price);
        }
    }

    public static Emitted emitted(OrderOutput order) {
        return new Emitted(
                order.getOrderId(),
                order.getClientName(),
                order.getClientEmail(),
                order.getClientCountry(),
                order.getItems().stream()
                        .map(i ->
                                new Line(i.getProductId(), i.getName(), i.getCategory(), i.getQuantity(), i.getPrice()))
                        .toList(),
                order.getTotal());
    }

    public static Recorded recorded(OrderOutput order) {
        return new Recorded(
                order.getClientName(),
                order.getClientEmail(),
                order.getItems().stream()
                        .map(i -> new RecordedLine(i.getProductId(), i.getQuantity(), i.getPrice()))
                        .sorted(Comparator.comparingLong(RecordedLine::productId))
                        .toList(),
                order.getTotal());
    }

    /** The orders among {@code orderIds} that still exist, as PostgreSQL has them. */
    public static Map<Long, Recorded> recorded(Connection storefront, Collection<Long> orderIds) throws SQLException {
        Map<Long, Recorded> orders = new LinkedHashMap<>();
        Map<Long, List<RecordedLine>> lines = new LinkedHashMap<>();
        Array ids = storefront.createArrayOf("bigint", orderIds.toArray());
        try (PreparedStatement statement = storefront.prepareStatement(SQL)) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long orderId = rows.getLong("id");
                    if (!orders.containsKey(orderId)) {
                        lines.put(orderId, new ArrayList<>());
                        orders.put(
                                orderId,
                                new Recorded(
                                        rows.getString("full_name"),
                                        rows.getString("email"),
                                        List.of(),
                                        rows.getBigDecimal("total")));
                    }
                    lines.get(orderId)
                            .add(new RecordedLine(
                                    rows.getLong("product_id"),
                                    rows.getInt("quantity"),
                                    rows.getBigDecimal("price_at_purchase")));
                }
            }
        } finally {
            ids.free();
        }
        orders.replaceAll((orderId, order) ->
                new Recorded(order.clientName(), order.clientEmail(), lines.get(orderId), order.total()));
        return orders;
    }
}
