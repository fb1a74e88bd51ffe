package dev.storefront.e2e.support;

import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.CommittedReads;
import dev.storefront.contract.RegistryWireFormat;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole CDC topic with the Apicurio Avro deserializer, configured like every reader of the platform. */
public final class CdcTopics {

    private final LocalPlatform platform;

    public CdcTopics(LocalPlatform platform) {
        this.platform = platform;
    }

    public String topic(String table) {
        return CdcTopicNames.of(platform.env()).table(table);
    }

    /** Every change event of {@code table} from the beginning to the current end (tombstones skipped). */
    public List<ChangeEvent> events(String table) {
        List<ChangeEvent> events = new ArrayList<>();
        for (ConsumerRecord<Object, Object> record : readAll(topic(table))) {
            if (record.value() == null) {
                continue;
            }
            GenericRecord key = (GenericRecord) record.key();
            GenericRecord value = (GenericRecord) record.value();
            GenericRecord after = (GenericRecord) value.get("after");
            GenericRecord source = (GenericRecord) value.get("source");
            // A read of an incremental snapshot has no LSN: 0, as every reader of the platform takes it.
            Object lsn = source.get("lsn");
            events.add(new ChangeEvent(
                    ((Number) key.get("id")).longValue(),
                    value.get("op").toString(),
                    after == null ? null : Rows.fromAvro(after),
                    lsn == null ? 0L : ((Number) lsn).longValue()));
        }
        return events;
    }

    /** The state the topic describes: the latest after-image per key, without the keys whose last event is a delete. */
    public Map<Long, Map<String, Object>> latestState(String table) {
        Map<Long, Map<String, Object>> state = new LinkedHashMap<>();
        for (ChangeEvent event : events(table)) {
            if ("d".equals(event.op())) {
                state.remove(event.id());
            } else {
                state.put(event.id(), event.after());
            }
        }
        return state;
    }

    /** All records of a topic, decoded, read from the beginning until the end offsets of when the read began. */
    public List<ConsumerRecord<Object, Object>> readAll(String topic) {
        try (KafkaConsumer<Object, Object> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned));
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.putAll(CommittedReads.consumerConfig(platform.endpoints().kafkaBootstrap()));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroKafkaDeserializer.class.getName());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.putAll(RegistryWireFormat.serdeConfig(platform.endpoints().registryUrl()));
        return config;
    }
}
