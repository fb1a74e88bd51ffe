package dev.storefront.pipeline.cdc;

import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.JsonSerde;
import dev.storefront.pipeline.serde.PipelineSerdes;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The storefront tables as Kafka Streams tables, keyed by row id: each change topic's latest row per key,
 * a delete event or tombstone removing it.
 *
 * <p>Debezium partitions by its Avro-encoded key, the pipeline keys by the plain id: each table goes through a
 * repartition topic keyed by the id, so joins and aggregations stay co-partitioned at any partition count.
 */
public record StorefrontTables(
        KTable<Long, CustomerRow> customers,
        KTable<Long, ProductRow> products,
        KTable<Long, OrderRow> orders,
        KTable<Long, ItemRow> items) {

    public static StorefrontTables build(StreamsBuilder builder, Topics topics, PipelineSerdes serdes) {
        Reader reader = new Reader(builder, topics, serdes);
        return new StorefrontTables(
                reader.table("customers", CustomerRow::of, CustomerRow.class, CustomerRow::sameContent),
                reader.table("products", ProductRow::of, ProductRow.class, ProductRow::sameContent),
                reader.table("orders", OrderRow::of, OrderRow.class, null),
                reader.table("order_items", ItemRow::of, ItemRow.class, null));
    }

    private record Reader(StreamsBuilder builder, Topics topics, PipelineSerdes serdes) {

        /**
         * @param sameContent when not null, a change whose row has the same content as the last one passed (only its
         *                    source position moved) is dropped: see {@link DropUnchanged}
         */
        <R> KTable<Long, R> table(
                String table,
                BiFunction<GenericRecord, SourcePosition, R> toRow,
                Class<R> type,
                BiPredicate<R, R> sameContent) {
            KStream<Long, R> rows = builder.stream(
                            topics.table(table),
                            Consumed.with(serdes.cdcKey(), serdes.cdcValue()).withName(table + "-changes"))
                    .filter(
                            (key, envelope) -> key != null && ChangeEvent.isRowChange(envelope),
                            Named.as(table + "-row-changes"))
                    .map(
                            (key, envelope) -> KeyValue.pair(ChangeEvent.id(key), row(envelope, toRow)),
                            Named.as(table + "-by-id"));
            Materialized<Long, R, KeyValueStore<Bytes, byte[]>> store =
                    Materialized.<Long, R, KeyValueStore<Bytes, byte[]>>as(table)
                            .withKeySerde(Serdes.Long())
                            .withValueSerde(JsonSerde.of(type));
            if (sameContent == null) {
                return rows.toTable(Named.as(table + "-table"), store);
            }
            String passed = table + "-last-passed";
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(passed), Serdes.Long(), JsonSerde.of(type)));
            // The same repartition topic toTable would create, made explicit: the filter below is keyed by id.
            return rows.repartition(Repartitioned.<Long, R>as(table + "-table")
                            .withKeySerde(Serdes.Long())
                            .withValueSerde(JsonSerde.of(type)))
                    .processValues(
                            () -> new DropUnchanged<>(passed, sameContent),
                            Named.as(table + "-content-changes"),
                            passed)
                    .toTable(Named.as(table + "-table"), store);
        }

        private static <R> R row(GenericRecord envelope, BiFunction<GenericRecord, SourcePosition, R> toRow) {
            GenericRecord after = ChangeEvent.after(envelope);
            return after == null ? null : toRow.apply(after, ChangeEvent.position(envelope));
        }
    }
}
