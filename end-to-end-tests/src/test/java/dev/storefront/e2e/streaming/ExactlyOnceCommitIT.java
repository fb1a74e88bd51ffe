package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.platform.kafka.KafkaComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connect's exactly-once commit on the platform's broker: a source transaction's records and the offsets record sent
 * just before {@code commitTransaction()} commit together (KafkaComponent.FEATURE_LEVELS says why the broker runs
 * transactions version 1). Under version 2 the producer's sender sometimes sent EndTxn while that last record was still
 * unsent: 4 times in about 27,000 such transactions on this 2-core machine at rest, more often under load, where two
 * bench runs in eight had a source transaction whose changes then came twice (docs/architecture.md). So the feature
 * level is the check that fails at once; the transactions reconcile the pattern itself, on topics of this test alone.
 */
@Order(4)
@ExtendWith(LocalPlatformExtension.class)
class ExactlyOnceCommitIT {

    /** About 7 s here, at the source connector's retry back-off (below). */
    private static final int TRANSACTIONS = 600;

    private static LocalPlatform platform;
    private static String records;
    private static String offsets;

    @BeforeAll
    static void topics(LocalPlatform shared) throws Exception {
        platform = shared;
        String run = "eos-commit-" + UUID.randomUUID();
        records = run + "-records";
        offsets = run + "-offsets";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(records, 1, (short) 1), new NewTopic(offsets, 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    @AfterAll
    static void dropTopics() throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(records, offsets)).all().get();
        }
    }

    @Test
    void theBrokerRunsTheFeatureLevelsOfLocalMode() throws Exception {
        try (Admin admin = admin()) {
            Map<String, FinalizedVersionRange> finalized =
                    admin.describeFeatures().featureMetadata().get().finalizedFeatures();
            KafkaComponent.FEATURE_LEVELS.forEach((name, level) -> {
                assertThat(finalized).as("the broker's finalized features").containsKey(name);
                assertThat(finalized.get(name).maxVersionLevel())
                        .as("finalized %s", name)
                        .isEqualTo(level);
            });
        }
    }

    @Test
    void everyCommitHoldsTheRecordSentJustBeforeIt() throws Exception {
        List<Integer> committedWithoutIt = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.endpoints().kafkaBootstrap(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, records,
                // As the source connector's producer: a transaction begun while the last one's markers are still
                // written is retried after 1 ms.
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.initTransactions();
            for (int i = 0; i < TRANSACTIONS; i++) {
                producer.beginTransaction();
                // Connect's order: the poll's records are sent (and here acknowledged, which leaves the sender with no
                // batch outstanding), then the offsets record, then the commit at once.
                producer.send(new ProducerRecord<>(records, bytes(i))).get();
                Future<RecordMetadata> offset = producer.send(new ProducerRecord<>(offsets, bytes(i)));
                producer.commitTransaction();
                if (!offset.isDone()) {
                    committedWithoutIt.add(i);
                    producer.close(Duration.ZERO); // that record waits for a transaction that never comes
                    break;
                }
            }
        }
        assertThat(committedWithoutIt)
                .as("transactions whose commit returned before the record sent just before it was written")
                .isEmpty();
        assertThat(committedValues(records)).as("committed records").isEqualTo(sequence());
        assertThat(committedValues(offsets)).as("committed offsets records").isEqualTo(sequence());
    }

    private static List<Integer> sequence() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            values.add(i);
        }
        return values;
    }

    /** Every committed value of the topic's one partition, in order (read_committed, from the start to its end). */
    private static List<Integer> committedValues(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<Integer> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.endpoints().kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(Integer.parseInt(new String(r.value()))));
            }
        }
        return values;
    }

    private static byte[] bytes(int i) {
        return Integer.toString(i).getBytes();
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.endpoints().kafkaBootstrap()));
    }
}
