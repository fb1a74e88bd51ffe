package dev.storefront.benchmark.client;

import dev.storefront.contract.CommittedReads;
import dev.storefront.contract.RegistryWireFormat;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Kafka as the benchmark sees it: end offsets (events written), consumer lag, and Avro consumers. */
public final class Kafka implements AutoCloseable {

    private static final int STABLE_CHECKS = 5;
    /** How long a lag must keep its value to count as the group's rest. */
    private static final Duration STABLE = Duration.ofSeconds(STABLE_CHECKS);

    private final String bootstrap;
    private final String registryUrl;
    private final Admin admin;

    public Kafka(String bootstrap, String registryUrl) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(config);
    }

    /** Sum of the end offsets of every partition of these topics; a topic that does not exist yet counts 0. */
    public long endOffsets(Collection<String> topics) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(present).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    /** Records every consumer group still has to read (the pipeline's, the sinks'), over all its partitions. */
    public long totalConsumerLag() throws InterruptedException, ExecutionException {
        return consumerLagByGroup().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each consumer group's records still to read, over all its partitions (groups without commits left out). */
    public Map<String, Long> consumerLagByGroup() throws InterruptedException, ExecutionException {
        Map<String, Long> lags = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> request =
                    committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            if (request.isEmpty()) {
                continue;
            }
            var ends = admin.listOffsets(request).all().get();
            long lag = 0;
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += Math.max(
                            0,
                            ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            lags.put(group.groupId(), lag);
        }
        return lags;
    }

    /**
     * Waits until every consumer group has digested a burst of changes that began at {@code startNanos}: each group's
     * lag has kept one value (0, or the exactly-once markers' rest) for {@code STABLE_CHECKS} seconds, all at once.
     * Returns, for each group whose lag moved meanwhile, the seconds from {@code startNanos} to its last move (when it
     * caught up); empty if the groups still moved at {@code timeout}.
     */
    public Optional<Map<String, Double>> awaitCaughtUp(long startNanos, Duration timeout)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> last = new HashMap<>();
        Map<String, Long> lastMove = new HashMap<>();
        Set<String> moved = new HashSet<>();
        while (System.nanoTime() < deadline) {
            long now = System.nanoTime();
            consumerLagByGroup().forEach((group, lag) -> {
                Long before = last.put(group, lag);
                if (before == null || before.longValue() != lag) {
                    lastMove.put(group, now);
                    if (before != null) {
                        moved.add(group);
                    }
                }
            });
            if (lastMove.values().stream().allMatch(at -> now - at >= STABLE.toNanos())) {
                Map<String, Double> caughtUp = new TreeMap<>();
                moved.forEach(group -> caughtUp.put(group, (lastMove.get(group) - startNanos) / 1e9));
                return Optional.of(caughtUp);
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    /**
     * Waits until the consumer groups (the pipeline's, the sinks') have digested what was written: their lag is 0, or
     * has not moved for {@code STABLE_CHECKS} seconds (exactly-once transaction markers leave a lag of 1 per partition
     * that no consumer ever reads). Returns the remaining lag, or -1 if it still moved at {@code timeout}.
     */
    public long awaitSettled(Duration timeout) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long previous = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            long lag = totalConsumerLag();
            stable = lag == previous ? stable + 1 : 0;
            if (lag == 0 || stable >= STABLE_CHECKS) {
                return lag;
            }
            previous = lag;
            Thread.sleep(1000);
        }
        return -1;
    }

    /** A consumer of Confluent-framed Avro (Apicurio content ids), reading from the end, no group commits. */
    public KafkaConsumer<Object, Object> avroConsumer() {
        Properties config = new Properties();
        config.putAll(CommittedReads.consumerConfig(bootstrap));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
        // Receive time is the latency's end: ask every 10 ms. A waiting read_committed fetch is not always answered
        // when a transaction commits: two readers side by side, 10 ms and the default 500, saw the same records at
        // p50 -6, p90 +47-52, p99 +243-540 ms (the long poll later).
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        config.putAll(RegistryWireFormat.serdeConfig(registryUrl));
        // A content id names one schema forever: Apicurio's cache would look each up again every 30 s (its default
        // check period) on the polling thread, and the collectors would count that stall as the platform's latency.
        config.put(
                "apicurio.registry.check-period-ms",
                String.valueOf(Duration.ofDays(1).toMillis()));
        return new KafkaConsumer<>(config);
    }

    /** Assigns every partition of {@code topics} and moves to their end. */
    public static void assignAtEnd(KafkaConsumer<?, ?> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @Override
    public void close() {
        admin.close();
    }
}
