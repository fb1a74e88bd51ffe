package dev.storefront.seeder.deltas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outbox message of a new order (seed 004): emitted with pg_logical_emit_message in the order's own
 * transaction, so consumers get the whole order, customer and items included, in one event.
 */
record OrderMessage(@JsonProperty("order_id") long orderId, Customer customer, List<Item> items, BigDecimal total,
                    String status, @JsonProperty("created_at") String createdAt) {

    record Customer(long id, @JsonProperty("full_name") String fullName, String email, String country) {
    }

    record Item(@JsonProperty("product_id") long productId, String name, String category, int quantity,
                BigDecimal price) {
    }
}
