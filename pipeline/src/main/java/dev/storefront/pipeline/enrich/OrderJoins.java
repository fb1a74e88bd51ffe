package dev.storefront.pipeline.enrich;

import dev.storefront.pipeline.cdc.ItemRow;
import dev.storefront.pipeline.cdc.OrderRow;
import dev.storefront.pipeline.cdc.StorefrontTables;
import dev.storefront.pipeline.serde.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The foreign-key joins the facts and the analytics share: items with their product, orders with their
 * customer. A change on either side updates every joined row (a product rename reaches all its items).
 */
public record OrderJoins(KTable<Long, EnrichedItem> items, KTable<Long, CustomerOrder> orders) {

    public static OrderJoins build(StorefrontTables tables) {
        KTable<Long, EnrichedItem> items = tables.items()
                .join(
                        tables.products(),
                        ItemRow::productId,
                        EnrichedItem::of,
                        TableJoined.as("items-products"),
                        materialized("items-with-products", EnrichedItem.class));
        KTable<Long, CustomerOrder> orders = tables.orders()
                .join(
                        tables.customers(),
                        OrderRow::customerId,
                        CustomerOrder::new,
                        TableJoined.as("orders-customers"),
                        materialized("orders-with-customers", CustomerOrder.class));
        return new OrderJoins(items, orders);
    }

    static <V> Materialized<Long, V, KeyValueStore<Bytes, byte[]>> materialized(String name, Class<V> type) {
        return Materialized.<Long, V, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(Serdes.Long())
                .withValueSerde(JsonSerde.of(type));
    }
}
