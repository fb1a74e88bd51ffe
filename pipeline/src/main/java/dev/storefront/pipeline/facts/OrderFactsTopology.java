package dev.storefront.pipeline.facts;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.enrich.EnrichedItem;
import dev.storefront.pipeline.enrich.OrderJoins;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.serde.PipelineSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Order facts (seed 000): one current fact per order on {@code <prefix>.facts.orders} (Avro) and
 * {@code <prefix>.facts.orders.protobuf}, re-emitted on every change to the order, its items, its customer or
 * their products; a deleted order's fact becomes a tombstone.
 */
public final class OrderFactsTopology {

    private OrderFactsTopology() {}

    public static void build(OrderJoins joins, Topics topics, PipelineSerdes serdes) {
        KTable<Long, OrderItems> itemsByOrder = joins.items()
                .groupBy(
                        (itemId, item) -> KeyValue.pair(item.orderId(), item),
                        Grouped.with("items-by-order", Serdes.Long(), JsonSerde.of(EnrichedItem.class)))
                .aggregate(
                        () -> OrderItems.NONE,
                        (orderId, item, lines) -> lines.with(item),
                        (orderId, item, lines) -> lines.without(item.itemId()),
                        Named.as("order-lines-aggregate"),
                        Materialized.<Long, OrderItems, KeyValueStore<Bytes, byte[]>>as("order-lines")
                                .withKeySerde(Serdes.Long())
                                .withValueSerde(JsonSerde.of(OrderItems.class)));

        // Left join: an order whose lines have not arrived yet still has a fact (with no items).
        KStream<Long, OrderFact> facts = joins.orders()
                .leftJoin(itemsByOrder, AvroFacts::fact, Named.as("order-facts"))
                .toStream(Named.as("order-fact-changes"));

        facts.map((orderId, fact) -> KeyValue.pair(new OrderKey(orderId), fact), Named.as("order-fact-keys"))
                .to(
                        topics.facts(),
                        Produced.with(serdes.outputKey(OrderKey.class), serdes.outputValue(OrderFact.class))
                                .withName("order-facts-avro"));
        facts.map(
                        (orderId, fact) -> KeyValue.pair(
                                Long.toString(orderId),
                                fact == null ? null : ProtoFacts.of(fact).toByteArray()),
                        Named.as("order-facts-as-protobuf"))
                .to(
                        topics.factsProtobuf(),
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName("order-facts-protobuf"));
    }
}
