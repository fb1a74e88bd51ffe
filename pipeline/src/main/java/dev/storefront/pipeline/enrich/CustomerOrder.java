package dev.storefront.pipeline.enrich;

import dev.storefront.pipeline.cdc.CustomerRow;
import dev.storefront.pipeline.cdc.OrderRow;
import dev.storefront.pipeline.cdc.SourcePosition;

/** An order with its customer. */
public record CustomerOrder(OrderRow order, CustomerRow customer) {

    public boolean cancelled() {
        return OrderRow.CANCELLED.equals(order.status());
    }

    public SourcePosition position() {
        return SourcePosition.latest(order.position(), customer.position());
    }
}
