package dev.storefront.console.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.console.web.Upstream;
import dev.storefront.contract.CommitTime;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.config.Topics;
import dev.storefront.pipeline.serde.RegistrySerdes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The live charts' numbers, sampled every 2 s for the last 5 minutes: change events/s per topic (growth of the
 * committed end offsets of the CDC topics and the facts), the seeder's rate of operations, and the latency from a
 * source commit to its orders change event and to its order fact (median and maximum of each 2 s).
 */
public final class RateSampler implements AutoCloseable {

    public static final long PERIOD_MILLIS = 2000;
    private static final int KEEP = 150;

    /**
     * One sample: when, the events/s per series (topic name, or "seeder ops/s"), and the latencies in ms
     * ("commit → topic p50", ...; none when nothing arrived).
     */
    public record Sample(long at, Map<String, Double> rates, Map<String, Long> latencies) {}

    private final Admin admin;
    private final List<String> topics;
    private final String seederUrl;
    private final Map<String, LatencyProbe> probes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Map<String, Long> lastEnds = Map.of();
    private long lastAt;

    /**
     * The platform's charts: events/s of every CDC topic the pipeline reads and of the facts; latency from a commit
     * to its orders change event and to its order fact.
     */
    public static RateSampler of(Admin admin, PipelineConfig config, String seederUrl) {
        Topics names = config.topics();
        List<String> charted = new ArrayList<>();
        Topics.TABLES.forEach(table -> charted.add(names.table(table)));
        charted.add(names.facts());
        Map<String, LatencyProbe> probes = new LinkedHashMap<>();
        probes.put(
                "commit → topic",
                new LatencyProbe(
                        config.bootstrapServers(), names.table("orders"), values(config), CommitTime::ofChangeEvent));
        probes.put(
                "commit → fact",
                new LatencyProbe(config.bootstrapServers(), names.facts(), values(config), CommitTime::ofFact));
        return new RateSampler(admin, charted, seederUrl, probes);
    }

    /** A generic Avro deserializer of its own for each probe's thread. */
    private static Deserializer<GenericRecord> values(PipelineConfig config) {
        return new RegistrySerdes(config.serde()).cdcValue().deserializer();
    }

    /** @param probes latency probes by the name of what they measure, e.g. "commit → topic" */
    RateSampler(Admin admin, List<String> topics, String seederUrl, Map<String, LatencyProbe> probes) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.seederUrl = seederUrl;
        this.probes = probes;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    private void sample() {
        try {
            long now = System.currentTimeMillis();
            Map<String, Long> ends = ends();
            Map<String, Double> rates = new LinkedHashMap<>();
            if (!lastEnds.isEmpty()) {
                double seconds = (now - lastAt) / 1000.0;
                ends.forEach((topic, end) ->
                        rates.put(topic, Math.max(0, end - lastEnds.getOrDefault(topic, end)) / seconds));
            }
            rates.put("seeder ops/s", seederRate());
            Map<String, Long> latencies = new LinkedHashMap<>();
            probes.forEach((name, probe) -> {
                List<Long> arrived = probe.drain().stream().sorted().toList();
                if (!arrived.isEmpty()) {
                    latencies.put(name + " p50", arrived.get(arrived.size() / 2));
                    latencies.put(name + " max", arrived.get(arrived.size() - 1));
                }
            });
            synchronized (this) {
                samples.addLast(new Sample(now, rates, latencies));
                while (samples.size() > KEEP) {
                    samples.removeFirst();
                }
            }
            lastEnds = ends;
            lastAt = now;
        } catch (Exception e) {
            // Kafka or the seeder is down for a moment: no point for this sample.
        }
    }

    private Map<String, Long> ends() throws Exception {
        Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> described =
                admin.describeTopics(present).allTopicNames().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described
                .values()
                .forEach(description -> description
                        .partitions()
                        .forEach(p -> latest.put(
                                new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
        Map<String, Long> ends = new LinkedHashMap<>();
        present.forEach(topic -> ends.put(topic, 0L));
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(5, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.merge(partition.topic(), info.offset(), Long::sum));
        return ends;
    }

    private double seederRate() {
        try {
            JsonNode status = Upstream.get(seederUrl + "/seed/status");
            return status.path("running").asBoolean()
                    ? status.path("actualRate").asDouble()
                    : 0.0;
        } catch (Exception e) {
            return 0.0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        probes.values().forEach(LatencyProbe::close);
    }
}
