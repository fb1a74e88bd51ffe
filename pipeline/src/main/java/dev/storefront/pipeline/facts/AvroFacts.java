package dev.storefront.pipeline.facts;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderFactItem;
import dev.storefront.pipeline.cdc.AvroFields;
import dev.storefront.pipeline.cdc.CustomerRow;
import dev.storefront.pipeline.cdc.OrderRow;
import dev.storefront.pipeline.cdc.SourcePosition;
import dev.storefront.pipeline.enrich.CustomerOrder;
import dev.storefront.pipeline.enrich.EnrichedItem;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** Builds the Avro order fact from an order, its customer and its lines. */
final class AvroFacts {

    private AvroFacts() {}

    /**
     * @param items the order's lines, by item id
     * @param cause where the change that makes this fact came from (null: a change on a repartition topic from before
     *     changes carried their position, when there are several partitions)
     */
    static OrderFact fact(CustomerOrder customerOrder, List<EnrichedItem> items, SourcePosition cause) {
        OrderRow order = customerOrder.order();
        CustomerRow customer = customerOrder.customer();
        SourcePosition position = items.stream()
                .map(EnrichedItem::position)
                .reduce(
                        cause == null
                                ? customerOrder.position()
                                : SourcePosition.latest(customerOrder.position(), cause),
                        SourcePosition::latest);
        return OrderFact.newBuilder()
                .setOrderId(order.id())
                .setStatus(order.status())
                .setTotal(order.total().setScale(2, RoundingMode.UNNECESSARY))
                .setItemCount(items.size())
                .setCustomerId(customer.id())
                .setCustomerName(customer.fullName())
                .setCustomerEmail(customer.email())
                .setCustomerCountry(customer.country())
                .setItems(items.stream().map(AvroFacts::item).toList())
                .setCreatedAt(AvroFields.fromEpochMicros(order.createdAtMicros()))
                .setUpdatedAt(AvroFields.fromEpochMicros(order.updatedAtMicros()))
                .setSourceLsn(position.lsn())
                .setSourceTs(Instant.ofEpochMilli(position.tsMs()))
                .setCouponCode(order.couponCode())
                .build();
    }

    private static OrderFactItem item(EnrichedItem item) {
        return OrderFactItem.newBuilder()
                .setItemId(item.itemId())
                .setProductId(item.productId())
                .setProductName(item.productName())
                .setCategory(item.category())
                .setQuantity(item.quantity())
                .setPrice(item.price().setScale(2, RoundingMode.UNNECESSARY))
                .build();
    }
}
