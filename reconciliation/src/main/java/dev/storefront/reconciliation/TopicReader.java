package dev.storefront.reconciliation;

import dev.storefront.contract.CommittedReads;
import dev.storefront.contract.cli.ToolFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic from its beginning to its current end with a plain consumer (assigned partitions, no group),
 * committed records only: what a downstream reader of the output sees.
 */
public final class TopicReader {

    private final Map<String, Object> consumerConfig;
    private final Duration timeout;

    public TopicReader(String bootstrapServers, Duration timeout) {
        this.consumerConfig = CommittedReads.consumerConfig(bootstrapServers);
        this.timeout = timeout;
    }

    /** Every record of {@code topic} in offset order per partition; a topic that does not exist is empty. */
    public <K, V> void forEach(String topic, Deserializer<K> keys, Deserializer<V> values, BiConsumer<K, V> action) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = partitions(consumer, topic);
            if (partitions == null) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!atEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ToolFailure(
                            "Timed out after " + timeout + " reading " + topic + " to offsets " + end + " (is Kafka at "
                                    + consumerConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " up?)",
                            null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    action.accept(
                            keys.deserialize(topic, record.headers(), record.key()),
                            values.deserialize(topic, record.headers(), record.value()));
                }
            }
        }
    }

    private List<PartitionInfo> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        try {
            return consumer.listTopics(timeout).get(topic);
        } catch (TimeoutException e) {
            throw new ToolFailure(
                    "Cannot reach Kafka at " + consumerConfig.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) + " within "
                            + timeout + " to read " + topic,
                    e);
        }
    }

    /** The latest value of each key, tombstones removing keys: the content of an upsert topic. */
    public <K, V> Map<K, V> latest(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<K, V> latest = new LinkedHashMap<>();
        forEach(topic, keys, values, (key, value) -> {
            if (value == null) {
                latest.remove(key);
            } else {
                latest.put(key, value);
            }
        });
        return latest;
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
