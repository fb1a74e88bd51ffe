package dev.storefront.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsResult;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateSamplerTest {

    private static final String TOPIC = "storefront.public.orders";
    private static final Node BROKER = new Node(0, "localhost", 9092);

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final CountingAdmin admin = new CountingAdmin();
    private final List<FakeProbe> started = new ArrayList<>();
    private final RateSampler sampler = new RateSampler(
            admin, List.of(TOPIC), "http://localhost:1", Map.of("commit → topic", this::probe), clock::get);

    @AfterEach
    void close() {
        sampler.close();
        admin.close();
    }

    @Test
    void nobodyWatchingCostsTheBrokerNothing() {
        sampler.tick();
        sampler.tick();

        assertThat(admin.listTopicsCalls).hasValue(0);
        assertThat(started).isEmpty();
        assertThat(sampler.sampling()).isFalse();
    }

    @Test
    void aWatchedChartGetsRatesAndLatenciesEveryTick() {
        sampler.samples();
        sampler.tick();
        admin.updateEndOffsets(Map.of(new TopicPartition(TOPIC, 0), 100L));
        started.get(0).arrived.addAll(List.of(30L, 10L, 20L));
        clock.addAndGet(2000);
        sampler.tick();

        List<RateSampler.Sample> samples = sampler.samples();
        assertThat(samples).hasSize(2);
        assertThat(samples.get(1).rates()).containsEntry(TOPIC, 50.0).containsEntry("seeder ops/s", 0.0);
        assertThat(samples.get(1).latencies()).isEqualTo(Map.of("commit → topic p50", 20L, "commit → topic max", 30L));
        assertThat(started).hasSize(1);
    }

    @Test
    void aMinuteUnwatchedStopsSamplingAndTheNextLookStartsAFreshChart() {
        sampler.samples();
        sampler.tick();
        clock.addAndGet(RateSampler.IDLE_MILLIS + 1);
        sampler.tick();
        int callsWhenIdle = admin.listTopicsCalls.get();
        sampler.tick();

        assertThat(sampler.sampling()).isFalse();
        assertThat(started.get(0).closed).isTrue();
        assertThat(admin.listTopicsCalls).hasValue(callsWhenIdle);

        assertThat(sampler.samples()).hasSize(1);
        sampler.tick();
        assertThat(sampler.samples()).hasSize(1);
        assertThat(started).hasSize(2);
        assertThat(started.get(1).closed).isFalse();
    }

    private FakeProbe probe() {
        FakeProbe probe = new FakeProbe();
        started.add(probe);
        return probe;
    }

    private static final class FakeProbe implements RateSampler.Probe {
        final List<Long> arrived = new ArrayList<>();
        boolean closed;

        @Override
        public List<Long> drain() {
            List<Long> drained = List.copyOf(arrived);
            arrived.clear();
            return drained;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Kafka's mock admin with one single-partition topic, counting the sampler's first call of each tick. */
    private static final class CountingAdmin extends MockAdminClient {
        final AtomicInteger listTopicsCalls = new AtomicInteger();

        CountingAdmin() {
            super(List.of(BROKER), BROKER);
            addTopic(
                    false,
                    TOPIC,
                    List.of(new TopicPartitionInfo(0, BROKER, List.of(BROKER), List.of(BROKER))),
                    Map.of());
            updateEndOffsets(Map.of(new TopicPartition(TOPIC, 0), 0L));
        }

        @Override
        public synchronized ListTopicsResult listTopics(ListTopicsOptions options) {
            listTopicsCalls.incrementAndGet();
            return super.listTopics(options);
        }
    }
}
