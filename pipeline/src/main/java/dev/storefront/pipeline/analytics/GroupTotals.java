package dev.storefront.pipeline.analytics;

import dev.storefront.pipeline.serde.JsonSerde;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Level 2 of the revenue: the groups' totals; a group left with no order is forwarded as null (a tombstone). */
final class GroupTotals implements Processor<Group, ShareChange, Group, GroupTotal> {

    static final String STORE = "revenue-group-totals";

    private ProcessorContext<Group, GroupTotal> context;
    private KeyValueStore<Group, GroupTotal> totals;

    static StoreBuilder<KeyValueStore<Group, GroupTotal>> store() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), JsonSerde.of(Group.class), JsonSerde.of(GroupTotal.class));
    }

    @Override
    public void init(ProcessorContext<Group, GroupTotal> context) {
        this.context = context;
        totals = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<Group, ShareChange> record) {
        GroupTotal total = Objects.requireNonNullElse(totals.get(record.key()), GroupTotal.NONE)
                .with(record.value());
        if (total.orders() <= 0) {
            totals.delete(record.key());
            context.forward(record.withValue(null));
        } else {
            totals.put(record.key(), total);
            context.forward(record.withValue(total));
        }
    }
}
