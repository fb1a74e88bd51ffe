package dev.storefront.pipeline.analytics;

import dev.storefront.pipeline.avro.OrderFact;
import dev.storefront.pipeline.serde.JsonSerde;
import java.math.BigDecimal;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Level 1 of the revenue: each order's share of each group, kept per order so that a new fact retracts what the
 * previous one added. Passes on, by group, only the shares that changed.
 */
final class RevenueShares implements Processor<Long, OrderFact, Group, ShareChange> {

    static final String STORE = "revenue-order-shares";

    private ProcessorContext<Group, ShareChange> context;
    private KeyValueStore<Long, OrderShares> shares;

    static StoreBuilder<KeyValueStore<Long, OrderShares>> store() {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.Long(), JsonSerde.of(OrderShares.class));
    }

    @Override
    public void init(ProcessorContext<Group, ShareChange> context) {
        this.context = context;
        shares = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<Long, OrderFact> record) {
        OrderShares before = Objects.requireNonNullElse(shares.get(record.key()), OrderShares.NONE);
        OrderShares after = OrderShares.of(record.value());
        if (after.equals(before)) {
            // A change the revenue does not read (a status other than cancelled, a name): nothing to store or send.
            return;
        }
        if (after.groups().isEmpty()) {
            shares.delete(record.key());
        } else {
            shares.put(record.key(), after);
        }
        for (Group group : before.groupsWith(after)) {
            BigDecimal was = before.revenueIn(group);
            BigDecimal is = after.revenueIn(group);
            if (was == null || is == null || was.compareTo(is) != 0) {
                context.forward(record.withKey(group).withValue(new ShareChange(was, is)));
            }
        }
    }
}
