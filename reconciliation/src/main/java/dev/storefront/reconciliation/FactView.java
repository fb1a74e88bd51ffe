package dev.storefront.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order fact reduced to what PostgreSQL can confirm (not the source LSN and commit time). */
public record FactView(
        long orderId,
        String status,
        BigDecimal total,
        int itemCount,
        long customerId,
        String customerName,
        String customerEmail,
        String customerCountry,
        List<Item> items,
        Instant createdAt,
        Instant updatedAt,
        String couponCode) {

    public FactView {
        total = SqlValues.money(total);
        items = List.copyOf(items);
    }

    FactView withItems(List<Item> lines) {
        return new FactView(
                orderId,
                status,
                total,
                lines.size(),
                customerId,
                customerName,
                customerEmail,
                customerCountry,
                lines,
                createdAt,
                updatedAt,
                couponCode);
    }

    public record Item(
            long itemId, long productId, String productName, String category, int quantity, BigDecimal price) {
        public Item {
            price = SqlValues.money(price);
        }
    }
}
