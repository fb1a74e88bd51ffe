package dev.storefront.pipeline.analytics;

import dev.storefront.pipeline.enrich.CustomerOrder;
import dev.storefront.pipeline.enrich.EnrichedItem;
import java.math.BigDecimal;

/** What one order line adds to its group: its amount, to the order's category x country. */
public record Contribution(long orderId, String category, String country, BigDecimal amount, boolean cancelled) {

    static Contribution of(EnrichedItem item, CustomerOrder order) {
        return new Contribution(
                item.orderId(), item.category(), order.customer().country(), item.amount(), order.cancelled());
    }
}
