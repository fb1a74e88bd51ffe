package dev.storefront.seeder.fullload;

import dev.storefront.seeder.store.OrderStatus;
import dev.storefront.seeder.store.PaymentStatus;
import java.time.Instant;
import java.util.List;

/**
 * One generated order with its items and payment, before ids are known: customers and products are
 * referred to by their position in the load.
 */
record OrderRow(
        long customerIndex,
        List<Item> items,
        OrderStatus status,
        Instant createdAt,
        String paymentMethod,
        PaymentStatus paymentStatus,
        Instant paidAt) {

    /** A product bought: its position in the load, how many, and its price then (cents). */
    record Item(long productIndex, int quantity, long priceCents) {}

    /** Sum of quantity * price over the items, in cents: exact, so orders.total equals the SQL sum. */
    long totalCents() {
        long total = 0;
        for (Item item : items) {
            total += item.quantity() * item.priceCents();
        }
        return total;
    }

    /** When the payment row last changed: when it was paid, else when the order was placed. */
    Instant paymentUpdatedAt() {
        return paidAt != null ? paidAt : createdAt;
    }
}
