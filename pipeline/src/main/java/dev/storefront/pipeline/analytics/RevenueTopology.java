package dev.storefront.pipeline.analytics;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.avro.Revenue;
import dev.storefront.pipeline.avro.RevenueKey;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.serde.PipelineSerdes;
import java.math.RoundingMode;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Changelog analytics (seed 002): revenue and distinct orders by product category x customer country over the
 * orders that are not cancelled, as an upsert topic, derived from the order facts (which hold the lines with their
 * category and the customer's country). Each order's shares are kept, so every new fact retracts what the old one
 * added: a cancelled order leaves its groups, a customer moving country moves their orders, a deleted line or order
 * is taken out. A group left with no order becomes a tombstone.
 */
public final class RevenueTopology {

    private RevenueTopology() {}

    /** @param partitions of the table topics, and so of the facts' tasks */
    public static void build(
            StreamsBuilder builder,
            KStream<Long, OrderFact> facts,
            Topics topics,
            PipelineSerdes serdes,
            int partitions) {
        builder.addStateStore(RevenueShares.store());
        builder.addStateStore(GroupTotals.store());
        KStream<Group, ShareChange> shares =
                facts.process(RevenueShares::new, Named.as("order-shares"), RevenueShares.STORE);
        if (partitions > 1) {
            // A group's orders are on every task: its total is kept on one (with one partition, that task is this one).
            shares = shares.repartition(Repartitioned.<Group, ShareChange>as("revenue-by-group")
                    .withKeySerde(JsonSerde.of(Group.class))
                    .withValueSerde(JsonSerde.of(ShareChange.class))
                    .withNumberOfPartitions(partitions));
        }
        shares.process(GroupTotals::new, Named.as("group-totals"), GroupTotals.STORE)
                .map(
                        (group, total) -> KeyValue.pair(
                                new RevenueKey(group.category(), group.country()),
                                total == null
                                        ? null
                                        : new Revenue(
                                                total.revenue().setScale(2, RoundingMode.UNNECESSARY), total.orders())),
                        Named.as("revenue-records"))
                .to(
                        topics.revenue(),
                        Produced.with(serdes.outputKey(RevenueKey.class), serdes.outputValue(Revenue.class))
                                .withName("revenue-by-category-country"));
    }
}
