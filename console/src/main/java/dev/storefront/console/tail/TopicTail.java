package dev.storefront.console.tail;

import dev.storefront.contract.CommittedReads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic's committed records by assignment and position (no group, nothing committed): its last N records,
 * or every record from its beginning, and then, if asked, each new record as it arrives.
 */
public final class TopicTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration timeout;
    private final List<TopicPartition> partitions;

    /** @throws UnknownTopic when the broker has no such topic */
    public TopicTail(String bootstrapServers, String topic, Duration timeout) throws UnknownTopic {
        this.consumer = new KafkaConsumer<>(
                CommittedReads.consumerConfig(bootstrapServers),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.topic = topic;
        this.timeout = timeout;
        List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
        if (infos == null) {
            List<String> names = new ArrayList<>(consumer.listTopics(timeout).keySet());
            consumer.close();
            throw new UnknownTopic(topic, names);
        }
        this.partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
    }

    /** The broker has no topic of that name. */
    public static final class UnknownTopic extends Exception {
        private final List<String> known;

        UnknownTopic(String topic, List<String> known) {
            super("No topic " + topic);
            this.known = List.copyOf(known);
        }

        public List<String> known() {
            return known;
        }
    }

    /**
     * The last {@code count} committed records (fewer if the topic holds fewer), oldest first by timestamp across
     * partitions. Offsets also count transaction markers, so the window steps back until it holds enough records.
     */
    public List<ConsumerRecord<byte[], byte[]>> last(int count) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, timeout);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long window = Math.max(16, 2L * count);
        while (true) {
            Map<TopicPartition, Long> from = new HashMap<>();
            boolean whole = true;
            for (TopicPartition partition : partitions) {
                long start = Math.max(beginning.get(partition), end.get(partition) - window);
                whole &= start == beginning.get(partition);
                from.put(partition, start);
            }
            List<ConsumerRecord<byte[], byte[]>> records = read(from, end);
            if (records.size() >= count || whole) {
                records.sort(Comparator.comparingLong(ConsumerRecord<byte[], byte[]>::timestamp));
                return new ArrayList<>(records.subList(Math.max(0, records.size() - count), records.size()));
            }
            window *= 4;
        }
    }

    /** Up to {@code count} committed records of {@code partition} from {@code offset} on (at most to the current end). */
    public List<ConsumerRecord<byte[], byte[]>> from(int partition, long offset, int count) {
        TopicPartition chosen = partitions.stream()
                .filter(p -> p.partition() == partition)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        topic + " has no partition " + partition + " (it has " + partitions.size() + ")"));
        long end = consumer.endOffsets(List.of(chosen), timeout).get(chosen);
        consumer.assign(List.of(chosen));
        consumer.seek(
                chosen,
                Math.max(
                        offset,
                        consumer.beginningOffsets(List.of(chosen), timeout).get(chosen)));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (records.size() < count
                && consumer.position(chosen) < end
                && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (records.size() < count) {
                    records.add(record);
                }
            }
        }
        consumer.assign(partitions);
        return records;
    }

    /** Every committed record from the beginning to the current end, in offset order per partition. */
    public void fromBeginning(Consumer<ConsumerRecord<byte[], byte[]>> action, BooleanSupplier more) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        consumer.seekToBeginning(partitions);
        Instant deadline = Instant.now().plus(timeout);
        while (!atEnd(end) && more.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out after " + timeout + " reading " + topic + " to " + end);
            }
            consumer.poll(POLL).forEach(action);
        }
    }

    /**
     * Each committed record after those already read (or, if none was read, after the current end) as it arrives,
     * until {@code more} says stop.
     */
    public void follow(Consumer<ConsumerRecord<byte[], byte[]>> action, BooleanSupplier more) {
        while (more.getAsBoolean()) {
            consumer.poll(POLL).forEach(action);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> end) {
        from.forEach(consumer::seek);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (!atEnd(end)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out after " + timeout + " reading " + topic + " to " + end);
            }
            consumer.poll(POLL).forEach(records::add);
        }
        return records;
    }

    /** Every partition's position at its end: with read_committed the end is the last stable offset. */
    private boolean atEnd(Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
