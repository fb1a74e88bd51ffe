package dev.storefront.pipeline.cdc;

import dev.storefront.pipeline.cdc.RowChange.Table;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.serde.PipelineSerdes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The changes of the four tables the facts are made of, routed to the task that builds them: orders and their items
 * by order id, customers and products to every task (each keeps all of them: any order may need any).
 *
 * <p>Debezium partitions by its Avro-encoded key, the facts by the plain order id: with more than one partition, two
 * repartition topics with as many partitions as the table topics, so that each task reads the same partition of
 * both; with one, none (the platform's default). Tombstones are
 * skipped: the delete event before each carries the change, and only its before-image (the whole row, REPLICA
 * IDENTITY FULL) says which order a deleted item belonged to.
 */
public final class TableChanges {

    private TableChanges() {}

    /**
     * Every row change, keyed by order id (orders, items) or by its own id (customers, products, on every task).
     *
     * @param partitions of the table topics: with one, every change is on the one task already and re-keying it
     *                   needs no topic (one exactly-once hop less); with more, the repartition topics get as many
     */
    public static KStream<Long, RowChange> build(
            StreamsBuilder builder, Topics topics, PipelineSerdes serdes, int partitions) {
        Reader reader = new Reader(builder, topics, serdes);
        KStream<Long, RowChange> byOrder = reader.rows(Table.ORDERS, byId(OrderRow::of, RowChange::order))
                .merge(reader.rows(Table.ORDER_ITEMS, TableChanges::item), Named.as("order-changes"));
        KStream<Long, RowChange> shared = reader.rows(Table.CUSTOMERS, byId(CustomerRow::of, RowChange::customer))
                .merge(
                        reader.rows(Table.PRODUCTS, byId(ProductRow::of, RowChange::product)),
                        Named.as("shared-changes"));
        if (partitions > 1) {
            byOrder = byOrder.repartition(repartitioned("facts-by-order", partitions));
            shared = shared.repartition(repartitioned("facts-to-every-task", partitions)
                    .withStreamPartitioner((topic, id, change, count) -> Optional.of(every(count))));
        }
        return byOrder.merge(shared, Named.as("fact-changes"));
    }

    /** A row keyed by its own id (orders: the order id). */
    private static <R> RowChanges byId(BiFunction<GenericRecord, SourcePosition, R> toRow, RowChangeOf<R> change) {
        return (key, envelope) -> {
            long id = ChangeEvent.id(key);
            SourcePosition position = ChangeEvent.position(envelope);
            GenericRecord after = ChangeEvent.after(envelope);
            R row = after == null ? null : toRow.apply(after, position);
            return List.of(KeyValue.pair(id, change.of(id, row, position)));
        };
    }

    /** One of {@link RowChange}'s factories. */
    private interface RowChangeOf<R> {
        RowChange of(long id, R row, SourcePosition position);
    }

    /** An item under its order; one that moved to another order also leaves the old one. */
    private static List<KeyValue<Long, RowChange>> item(GenericRecord key, GenericRecord envelope) {
        long id = ChangeEvent.id(key);
        SourcePosition position = ChangeEvent.position(envelope);
        GenericRecord before = ChangeEvent.before(envelope);
        GenericRecord after = ChangeEvent.after(envelope);
        ItemRow row = after == null ? null : ItemRow.of(after, position);
        List<KeyValue<Long, RowChange>> changes = new ArrayList<>(2);
        if (before != null) {
            long from = orderIdBefore(before);
            if (row == null || row.orderId() != from) {
                changes.add(KeyValue.pair(from, RowChange.item(id, null, position)));
            }
        }
        if (row != null) {
            changes.add(KeyValue.pair(row.orderId(), RowChange.item(id, row, position)));
        }
        return changes;
    }

    /** Only REPLICA IDENTITY FULL (the migrations set it) puts a deleted item's order in its before-image. */
    private static long orderIdBefore(GenericRecord item) {
        if (item.get("order_id") == null) {
            throw new IllegalStateException("An order_items change without the row's order_id in its before-image:"
                    + " the table needs REPLICA IDENTITY FULL (migrations/sql/V1__storefront_schema.sql)");
        }
        return AvroFields.longValue(item, "order_id");
    }

    private static Repartitioned<Long, RowChange> repartitioned(String name, int partitions) {
        return Repartitioned.<Long, RowChange>as(name)
                .withKeySerde(Serdes.Long())
                .withValueSerde(JsonSerde.of(RowChange.class))
                .withNumberOfPartitions(partitions);
    }

    private static Set<Integer> every(int partitions) {
        return IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet());
    }

    private record Reader(StreamsBuilder builder, Topics topics, PipelineSerdes serdes) {

        KStream<Long, RowChange> rows(Table table, RowChanges toChanges) {
            String name = table.name().toLowerCase(Locale.ROOT);
            return builder.stream(
                            topics.table(name),
                            Consumed.with(serdes.cdcKey(), serdes.cdcValue()).withName(name + "-changes"))
                    .filter(
                            (key, envelope) -> key != null && ChangeEvent.isRowChange(envelope),
                            Named.as(name + "-row-changes"))
                    .flatMap(toChanges::of, Named.as(name + "-routed"));
        }
    }

    @FunctionalInterface
    private interface RowChanges {
        List<KeyValue<Long, RowChange>> of(GenericRecord key, GenericRecord envelope);
    }
}
