package dev.storefront.console.overview;

import dev.storefront.contract.CommittedReads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The live latency of one topic: for each committed record arriving from its end, the time it became readable here
 * minus the source commit time it carries. Polls on its own daemon thread; {@link #drain} hands over what arrived.
 */
final class LatencyProbe implements RateSampler.Probe {

    private static final Duration POLL = Duration.ofMillis(50);

    private final List<Long> latencies = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    LatencyProbe(
            String bootstrapServers,
            String topic,
            Deserializer<? extends GenericContainer> values,
            ToLongFunction<GenericRecord> commitTime) {
        thread = new Thread(() -> follow(bootstrapServers, topic, values, commitTime), "latency-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized List<Long> drain() {
        List<Long> arrived = List.copyOf(latencies);
        latencies.clear();
        return arrived;
    }

    private void follow(
            String bootstrapServers,
            String topic,
            Deserializer<? extends GenericContainer> values,
            ToLongFunction<GenericRecord> commitTime) {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    CommittedReads.consumerConfig(bootstrapServers),
                    new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                var partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        long received = System.currentTimeMillis();
                        if (record.value() != null
                                && values.deserialize(topic, record.headers(), record.value())
                                        instanceof GenericRecord value) {
                            synchronized (this) {
                                latencies.add(received - commitTime.applyAsLong(value));
                            }
                        }
                    }
                }
            } catch (RuntimeException notYet) {
                // The topic does not exist yet or Kafka is down for a moment: try again shortly.
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
