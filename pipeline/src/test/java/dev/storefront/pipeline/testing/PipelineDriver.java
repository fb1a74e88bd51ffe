package dev.storefront.pipeline.testing;

import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.run.BoundedRocksDb;
import dev.storefront.pipeline.serde.PipelineSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A topology under {@link TopologyTestDriver} with registry-free serdes, fed with Debezium-shaped changes
 * ({@link CdcEvents}) and read back as upsert topics (latest value per key, tombstones removing keys).
 * The state store cache is off, so every update reaches the outputs as it happens.
 */
public final class PipelineDriver implements AutoCloseable {

    public static final Topics TOPICS = new Topics("storefront");
    public static final String OUTBOX_PREFIX = "storefront.orders";

    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final PipelineSerdes serdes = new AvroBinarySerdes();
    private final CdcEvents events = new CdcEvents();
    private final Map<String, TestInputTopic<GenericRecord, GenericRecord>> inputs = new HashMap<>();
    private final Map<String, List<TestRecord<?, ?>>> written = new HashMap<>();
    private final Map<String, TestOutputTopic<?, ?>> outputs = new HashMap<>();

    /** @param topology adds the topology under test to the builder, given the topics and serdes */
    public PipelineDriver(BiConsumer<StreamsBuilder, PipelineSerdes> topology) {
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder, serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        // The stores as the app configures them.
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        try {
            stateDir = Files.createTempDirectory("pipeline-test-state");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
    }

    public PipelineSerdes serdes() {
        return serdes;
    }

    public CdcEvents events() {
        return events;
    }

    public void insert(GenericRecord... rows) {
        for (GenericRecord row : rows) {
            input(CdcEvents.table(row)).pipeInput(CdcEvents.key(row), events.create(row));
        }
    }

    public void update(GenericRecord before, GenericRecord after) {
        input(CdcEvents.table(after)).pipeInput(CdcEvents.key(after), events.update(before, after));
    }

    /** A delete as Debezium writes it: the op=d event, then a tombstone. */
    public void delete(GenericRecord row) {
        TestInputTopic<GenericRecord, GenericRecord> topic = input(CdcEvents.table(row));
        topic.pipeInput(CdcEvents.key(row), events.delete(row));
        topic.pipeInput(CdcEvents.key(row), (GenericRecord) null);
    }

    public void message(String prefix, String content) {
        inputTopic(TOPICS.messages()).pipeInput(CdcEvents.messageKey(prefix), events.message(prefix, content));
    }

    /** The content of an upsert topic now: the latest value per key. */
    public <K, V> Map<K, V> latest(String topic, Deserializer<K> keys, Deserializer<V> values) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (TestRecord<K, V> record : records(topic, keys, values)) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }

    /** Every record written to {@code topic} so far, tombstones included. */
    @SuppressWarnings("unchecked")
    public <K, V> List<TestRecord<K, V>> records(String topic, Deserializer<K> keys, Deserializer<V> values) {
        TestOutputTopic<K, V> output =
                (TestOutputTopic<K, V>) outputs.computeIfAbsent(topic, t -> driver.createOutputTopic(t, keys, values));
        List<TestRecord<?, ?>> history = written.computeIfAbsent(topic, t -> new ArrayList<>());
        history.addAll(output.readRecordsToList());
        return history.stream().map(record -> (TestRecord<K, V>) record).toList();
    }

    private TestInputTopic<GenericRecord, GenericRecord> input(String table) {
        return inputTopic(TOPICS.table(table));
    }

    private TestInputTopic<GenericRecord, GenericRecord> inputTopic(String topic) {
        Serializer<GenericRecord> keys = serdes.cdcKey().serializer();
        Serializer<GenericRecord> values = serdes.cdcValue().serializer();
        return inputs.computeIfAbsent(topic, t -> driver.createInputTopic(t, keys, values));
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
