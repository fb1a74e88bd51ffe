package dev.storefront.pipeline.facts;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.cdc.RowChange;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.PipelineSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Order facts (seed 000): one current fact per order on {@code <prefix>.facts.orders} (Avro) and
 * {@code <prefix>.facts.orders.protobuf}, re-emitted on every change to the order, its items, its customer or
 * their products that changes what it holds; a deleted order's fact becomes a tombstone. One step from the table
 * changes ({@link FactBuilder}): a change reaches its fact through one repartition topic and one commit.
 */
public final class OrderFactsTopology {

    private OrderFactsTopology() {}

    /** @return the facts by order id (null: the order's fact is gone), which the revenue is derived from */
    public static KStream<Long, OrderFact> build(
            StreamsBuilder builder, KStream<Long, RowChange> changes, Topics topics, PipelineSerdes serdes) {
        FactBuilder.stores().forEach(builder::addStateStore);
        KStream<Long, OrderFact> facts =
                changes.process(FactBuilder::new, Named.as("order-facts"), FactBuilder.storeNames());

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
        return facts;
    }
}
