package dev.storefront.pipeline.analytics;

import dev.storefront.pipeline.avro.Revenue;
import dev.storefront.pipeline.avro.RevenueKey;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.enrich.EnrichedItem;
import dev.storefront.pipeline.enrich.OrderJoins;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.serde.PipelineSerdes;
import java.math.RoundingMode;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Changelog analytics (seed 002): revenue and distinct orders by product category x customer country over the
 * orders that are not cancelled, as an upsert topic. Each level is a table aggregation with an adder and a
 * subtractor, so every update or delete retracts what the old row had added: a cancelled order leaves its
 * groups, a customer moving country moves their orders, a deleted line or order is taken out. A group left
 * with no order becomes a tombstone.
 */
public final class RevenueTopology {

    private RevenueTopology() {}

    public static void build(OrderJoins joins, Topics topics, PipelineSerdes serdes) {
        KTable<Long, Contribution> lines = joins.items()
                .join(
                        joins.orders(),
                        EnrichedItem::orderId,
                        Contribution::of,
                        TableJoined.as("items-orders"),
                        Materialized.<Long, Contribution, KeyValueStore<Bytes, byte[]>>as("line-contributions")
                                .withKeySerde(Serdes.Long())
                                .withValueSerde(JsonSerde.of(Contribution.class)))
                .filter((itemId, line) -> !line.cancelled(), Named.as("lines-of-open-orders"));

        // Level 1: each order's share of each group, so that level 2 can count distinct orders.
        KTable<OrderInGroup, OrderShare> shares = lines.groupBy(
                        (itemId, line) ->
                                KeyValue.pair(new OrderInGroup(line.category(), line.country(), line.orderId()), line),
                        Grouped.with(
                                "lines-by-order-in-group",
                                JsonSerde.of(OrderInGroup.class),
                                JsonSerde.of(Contribution.class)))
                .aggregate(
                        () -> OrderShare.NONE,
                        (key, line, share) -> share.plus(line),
                        (key, line, share) -> share.minus(line),
                        Named.as("order-shares-aggregate"),
                        materialized("order-shares", JsonSerde.of(OrderInGroup.class), JsonSerde.of(OrderShare.class)));

        // Level 2: the groups.
        KTable<Group, GroupTotal> groups = shares.groupBy(
                        (key, share) -> KeyValue.pair(key.group(), share),
                        Grouped.with(
                                "order-shares-by-group", JsonSerde.of(Group.class), JsonSerde.of(OrderShare.class)))
                .aggregate(
                        () -> GroupTotal.NONE,
                        (group, share, total) -> total.plus(share),
                        (group, share, total) -> total.minus(share),
                        Named.as("group-totals-aggregate"),
                        materialized("group-totals", JsonSerde.of(Group.class), JsonSerde.of(GroupTotal.class)));

        groups.toStream(Named.as("group-total-changes"))
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

    private static <K, V> Materialized<K, V, KeyValueStore<Bytes, byte[]>> materialized(
            String name, Serde<K> keys, Serde<V> values) {
        return Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(name)
                .withKeySerde(keys)
                .withValueSerde(values);
    }
}
