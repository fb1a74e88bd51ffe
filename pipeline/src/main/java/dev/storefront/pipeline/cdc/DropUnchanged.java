package dev.storefront.pipeline.cdc;

import java.util.function.BiPredicate;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Passes a row change on only when what the pipeline reads of the row changed. A product's price or stock, or a
 * customer's street, is not in any output, yet each such change would re-join every item of the product (every order
 * of the customer) and re-emit all their facts: with the seeder's deltas that fan-out was most of the pipeline's work
 * and of its latency. Deletes always pass.
 */
final class DropUnchanged<R> implements FixedKeyProcessor<Long, R, R> {

    private final String storeName;
    private final BiPredicate<R, R> sameContent;
    private FixedKeyProcessorContext<Long, R> context;
    private KeyValueStore<Long, R> lastPassed;

    DropUnchanged(String storeName, BiPredicate<R, R> sameContent) {
        this.storeName = storeName;
        this.sameContent = sameContent;
    }

    @Override
    public void init(FixedKeyProcessorContext<Long, R> context) {
        this.context = context;
        this.lastPassed = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<Long, R> record) {
        R previous = lastPassed.get(record.key());
        R next = record.value();
        if (previous != null && next != null && sameContent.test(previous, next)) {
            return;
        }
        if (next == null) {
            lastPassed.delete(record.key());
        } else {
            lastPassed.put(record.key(), next);
        }
        context.forward(record);
    }
}
