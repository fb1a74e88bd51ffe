package dev.storefront.contract.outbox;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outbox message of a new order (seed 004), version {@value #VERSION}: the seeder emits it with
 * {@code pg_logical_emit_message} in the order's own transaction, so a consumer gets the whole order, customer and
 * items included, in one event; the pipeline decodes it into {@code order_output}. Both go through
 * {@link OutboxMessages}, so the seeder cannot write what the pipeline cannot read.
 *
 * <p>JSON: {@code {"type": "order.created", "version": 1, "order_id", "customer": {"id", "full_name", "email",
 * "country"}, "items": [{"product_id", "name", "category", "quantity", "price"}], "total", "status", "created_at"}};
 * amounts are exact decimals with at most two places, {@code created_at} an ISO-8601 instant.
 */
public record OrderCreated(
        String type,
        int version,
        long orderId,
        Customer customer,
        List<Item> items,
        BigDecimal total,
        String status,
        String createdAt) {

    public static final String TYPE = "order.created";
    public static final int VERSION = 1;

    public record Customer(long id, String fullName, String email, String country) {}

    public record Item(long productId, String name, String category, int quantity, BigDecimal price) {}

    /** A message of this version. */
    public static OrderCreated of(
            long orderId, Customer customer, List<Item> items, BigDecimal total, String status, String createdAt) {
        return new OrderCreated(TYPE, VERSION, orderId, customer, List.copyOf(items), total, status, createdAt);
    }
}
