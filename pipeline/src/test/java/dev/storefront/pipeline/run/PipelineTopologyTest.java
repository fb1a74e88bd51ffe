package dev.storefront.pipeline.run;

import static dev.storefront.pipeline.testing.CdcEvents.customer;
import static dev.storefront.pipeline.testing.CdcEvents.item;
import static dev.storefront.pipeline.testing.CdcEvents.order;
import static dev.storefront.pipeline.testing.CdcEvents.product;
import static dev.storefront.pipeline.testing.CdcEvents.with;
import static dev.storefront.pipeline.testing.PipelineDriver.OUTBOX_PREFIX;
import static dev.storefront.pipeline.testing.PipelineDriver.TOPICS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.outbox.OrderCreated;
import dev.storefront.contract.outbox.OutboxMessages;
import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.OrderKey;
import dev.storefront.pipeline.avro.OrderOutput;
import dev.storefront.pipeline.avro.Revenue;
import dev.storefront.pipeline.avro.RevenueKey;
import dev.storefront.pipeline.serde.PipelineSerdes;
import dev.storefront.pipeline.testing.AvroBinarySerdes;
import dev.storefront.pipeline.testing.PipelineDriver;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The three outputs built together over one set of source tables, as the app runs them. */
class PipelineTopologyTest {

    @Test
    void oneOrderReachesEveryOutput() {
        try (PipelineDriver pipeline = new PipelineDriver(PipelineTopologyTest::wholePipeline)) {
            GenericRecord alice = customer(1, "Alice Martin", "alice@example.com", "France");
            GenericRecord order = order(100, 1, "pending", "25.00");
            pipeline.insert(alice, product(10, "Mug", "Kitchen", "12.50"), order, item(1000, 100, 10, 2, "12.50"));
            pipeline.message(
                    OUTBOX_PREFIX,
                    OutboxMessages.write(OrderCreated.of(
                            100,
                            new OrderCreated.Customer(1, "Alice Martin", "alice@example.com", "France"),
                            List.of(new OrderCreated.Item(10, "Mug", "Kitchen", 2, new BigDecimal("12.50"))),
                            new BigDecimal("25.00"),
                            "pending",
                            "2026-01-05T10:15:30.123456Z")));
            pipeline.update(order, with(order, "status", "delivered"));

            Map<OrderKey, OrderFact> facts = pipeline.latest(
                    TOPICS.facts(),
                    pipeline.serdes().outputKey(OrderKey.class).deserializer(),
                    pipeline.serdes().outputValue(OrderFact.class).deserializer());
            Map<RevenueKey, Revenue> revenue = pipeline.latest(
                    TOPICS.revenue(),
                    pipeline.serdes().outputKey(RevenueKey.class).deserializer(),
                    pipeline.serdes().outputValue(Revenue.class).deserializer());
            Map<OrderKey, OrderOutput> orders = pipeline.latest(
                    TOPICS.orderOutput(),
                    pipeline.serdes().outputKey(OrderKey.class).deserializer(),
                    pipeline.serdes().outputValue(OrderOutput.class).deserializer());

            assertThat(facts.get(new OrderKey(100L)).getStatus()).isEqualTo("delivered");
            assertThat(revenue)
                    .containsExactly(
                            Map.entry(new RevenueKey("Kitchen", "France"), new Revenue(new BigDecimal("25.00"), 1L)));
            assertThat(orders.get(new OrderKey(100L)).getClientName()).isEqualTo("Alice Martin");
        }
    }

    /**
     * With one partition the facts read the table topics directly; with more, their changes cross the repartition
     * topics (customers and products to every partition). The same changes must give the same outputs.
     */
    @Test
    void theSameChangesGiveTheSameFactsAndRevenueOnOneOrThreePartitions() {
        Outputs onePartition = factsAndRevenueAfterChanges(1);
        assertThat(factsAndRevenueAfterChanges(3)).isEqualTo(onePartition);
        assertThat(onePartition.facts()).containsOnlyKeys(new OrderKey(100L), new OrderKey(101L));
    }

    private record Outputs(Map<OrderKey, OrderFact> facts, Map<RevenueKey, Revenue> revenue) {}

    private static Outputs factsAndRevenueAfterChanges(int partitions) {
        try (PipelineDriver pipeline = new PipelineDriver(
                (builder, serdes) -> PipelineTopology.addTo(builder, TOPICS, serdes, OUTBOX_PREFIX, partitions))) {
            GenericRecord alice = customer(1, "Alice Martin", "alice@example.com", "France");
            GenericRecord bob = customer(2, "Bob Ruiz", "bob@example.com", "Spain");
            GenericRecord mug = product(10, "Mug", "Kitchen", "12.50");
            GenericRecord lamp = product(11, "Lamp", "Home", "40.00");
            GenericRecord first = order(100, 1, "pending", "65.00");
            GenericRecord second = order(101, 2, "pending", "40.00");
            GenericRecord third = order(102, 2, "pending", "12.50");
            GenericRecord mugs = item(1000, 100, 10, 2, "12.50");
            GenericRecord oneLamp = item(1001, 100, 11, 1, "40.00");
            pipeline.insert(alice, bob, mug, lamp, first, second, third, mugs, oneLamp);
            pipeline.insert(item(1002, 101, 11, 1, "40.00"), item(1003, 102, 10, 1, "12.50"));
            pipeline.update(oneLamp, with(oneLamp, "order_id", 101L));
            pipeline.update(alice, with(alice, "country", "Spain"));
            pipeline.update(mug, with(mug, "category", "Tableware"));
            pipeline.update(second, with(second, "status", "cancelled"));
            pipeline.delete(third);
            return new Outputs(
                    pipeline.latest(
                            TOPICS.facts(),
                            pipeline.serdes().outputKey(OrderKey.class).deserializer(),
                            pipeline.serdes().outputValue(OrderFact.class).deserializer()),
                    pipeline.latest(
                            TOPICS.revenue(),
                            pipeline.serdes().outputKey(RevenueKey.class).deserializer(),
                            pipeline.serdes().outputValue(Revenue.class).deserializer()));
        }
    }

    @Test
    void everyStateStoreAndInternalTopicIsNamedSoRestartsFindTheirState() {
        for (int partitions : new int[] {1, 3}) {
            TopologyDescription description = PipelineTopology.build(
                            TOPICS, new AvroBinarySerdes(), OUTBOX_PREFIX, partitions)
                    .describe();

            assertThat(description.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        }
    }

    private static void wholePipeline(StreamsBuilder builder, PipelineSerdes serdes) {
        PipelineTopology.addTo(builder, TOPICS, serdes, OUTBOX_PREFIX, 1);
    }
}
