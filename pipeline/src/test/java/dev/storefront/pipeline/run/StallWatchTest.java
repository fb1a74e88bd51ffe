package dev.storefront.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StallWatchTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final TopicPartition CHANGELOG =
            new TopicPartition("storefront-pipeline-v2-revenue-group-totals-changelog", 0);

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final StallWatch watch = new StallWatch(TIMEOUT, clock::get);

    @Test
    void rebalancingWithNothingMovingPastTheTimeoutIsAStall() {
        watch.changed(State.REBALANCING);
        clock.addAndGet(TIMEOUT.toMillis());
        assertThat(watch.stalled()).as("at the timeout").isFalse();

        clock.addAndGet(1);

        assertThat(watch.stalled()).isTrue();
        assertThat(watch.stillFor()).isEqualTo(TIMEOUT.plusMillis(1));
    }

    @Test
    void restoringStateIsProgressNotAStall() {
        watch.changed(State.REBALANCING);
        watch.onRestoreStart(CHANGELOG, "group-totals", 0, 1_000_000);
        for (int batch = 1; batch <= 10; batch++) {
            clock.addAndGet(TIMEOUT.toMillis() / 2);
            watch.onBatchRestored(CHANGELOG, "group-totals", batch * 100_000L, 100_000);
        }
        clock.addAndGet(TIMEOUT.toMillis());

        assertThat(watch.stalled()).isFalse();
    }

    @Test
    void aRunningClientIsNeverStalledHoweverQuiet() {
        watch.changed(State.RUNNING);
        clock.addAndGet(TIMEOUT.toMillis() * 100);

        assertThat(watch.stalled()).isFalse();
    }

    @Test
    void eachStateChangeRestartsTheClock() {
        watch.changed(State.REBALANCING);
        clock.addAndGet(TIMEOUT.toMillis());
        watch.changed(State.RUNNING);
        watch.changed(State.REBALANCING);
        clock.addAndGet(TIMEOUT.toMillis());

        assertThat(watch.stalled()).isFalse();
    }
}
