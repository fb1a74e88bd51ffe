package dev.storefront.pipeline.run;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Tells a stuck Kafka Streams client from a busy one: out of RUNNING (rebalancing, restoring) with no state change and
 * no restored batch for longer than the timeout. Its clock is milliseconds, e.g. {@code System::currentTimeMillis}.
 */
final class StallWatch implements StateRestoreListener {

    private final long timeoutMillis;
    private final LongSupplier clock;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile long lastProgress;

    StallWatch(Duration timeout, LongSupplier clock) {
        this.timeoutMillis = timeout.toMillis();
        this.clock = clock;
        this.lastProgress = clock.getAsLong();
    }

    /** Called on every state change of the client. */
    void changed(KafkaStreams.State now) {
        state = now;
        lastProgress = clock.getAsLong();
    }

    /** Whether the client is stuck: rebalancing with nothing moving for longer than the timeout. */
    boolean stalled() {
        return state == KafkaStreams.State.REBALANCING && clock.getAsLong() - lastProgress > timeoutMillis;
    }

    /** How long nothing has moved, for the message. */
    Duration stillFor() {
        return Duration.ofMillis(clock.getAsLong() - lastProgress);
    }

    KafkaStreams.State state() {
        return state;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startOffset, long endOffset) {
        lastProgress = clock.getAsLong();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        lastProgress = clock.getAsLong();
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        lastProgress = clock.getAsLong();
    }
}
