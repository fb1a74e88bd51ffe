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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The live charts' numbers, sampled every 2 s for the last 5 minutes, hop by hop: the seeder's operations/s, change
 * events/s per CDC topic and per pipeline output (growth of their committed end offsets: facts, analytics, the outbox
 * feed), records/s each sink connector consumes (growth of its group's committed offsets), and the latency from a
 * source commit to its orders change event and to its order fact (median and maximum of each 2 s).
 *
 * <p>It samples only while someone watches ({@link #samples} was asked within the last {@link #IDLE_MILLIS}): an
 * unwatched console adds no admin calls and no consumers to the broker the pipeline shares.
 */
public final class RateSampler implements AutoCloseable {

    public static final long PERIOD_MILLIS = 2000;
    /** A chart left open polls every 2 s; a minute without a poll means nobody watches any more. */
    static final long IDLE_MILLIS = 60_000;
    /** Kafka Connect names a sink connector's consumer group connect-CONNECTOR. */
    private static final String SINK_GROUP_PREFIX = "connect-";
    /** A sink commits its offsets every 5 s (the worker's offset.flush.interval.ms): its rate spans 10 s. */
    private static final int SINK_WINDOW_SAMPLES = 6;

    private static final String SINK = "sink ";

    private static final int KEEP = 150;

    /**
     * One sample: when, the events/s per series (topic name, or "seeder ops/s"), and the latencies in ms
     * ("commit → topic p50", ...; none when nothing arrived).
     */
    public record Sample(long at, Map<String, Double> rates, Map<String, Long> latencies) {}

    /** A latency measurement running on its own until closed, e.g. a {@link LatencyProbe}. */
    interface Probe extends AutoCloseable {
        /** The latencies (ms) that arrived since the last call. */
        List<Long> drain();

        @Override
        void close();
    }

    private final Admin admin;
    private final List<String> topics;
    private final String seederUrl;
    private final Map<String, Supplier<? extends Probe>> probes;
    private final Map<String, Probe> following = new LinkedHashMap<>();
    private final LongSupplier clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Sample> samples = new ArrayDeque<>();
    /** The last positions of every hop, newest last: a topic's rate spans one sample, a sink's all of them. */
    private final Deque<Positions> recent = new ArrayDeque<>();

    private volatile long lastWatched = Long.MIN_VALUE / 2;
    private boolean watched;

    /**
     * The platform's charts: events/s of every CDC topic the pipeline reads and of the facts; latency from a commit
     * to its orders change event and to its order fact.
     */
    public static RateSampler of(Admin admin, PipelineConfig config, String seederUrl) {
        Topics names = config.topics();
        List<String> charted = new ArrayList<>();
        Topics.TABLES.forEach(table -> charted.add(names.table(table)));
        charted.add(names.facts());
        charted.add(names.revenue());
        charted.add(names.orderOutput());
        Map<String, Supplier<? extends Probe>> probes = new LinkedHashMap<>();
        probes.put(
                "commit → topic",
                () -> new LatencyProbe(
                        config.bootstrapServers(), names.table("orders"), values(config), CommitTime::ofChangeEvent));
        probes.put(
                "commit → fact",
                () -> new LatencyProbe(config.bootstrapServers(), names.facts(), values(config), CommitTime::ofFact));
        return new RateSampler(admin, charted, seederUrl, probes, System::currentTimeMillis);
    }

    /** A generic Avro deserializer of its own for each probe's thread. */
    private static Deserializer<GenericRecord> values(PipelineConfig config) {
        return new RegistrySerdes(config.serde()).cdcValue().deserializer();
    }

    /**
     * @param probes latency probes to start while watched, by the name of what they measure, e.g. "commit → topic"
     * @param clock  milliseconds since the epoch
     */
    RateSampler(
            Admin admin,
            List<String> topics,
            String seederUrl,
            Map<String, Supplier<? extends Probe>> probes,
            LongSupplier clock) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.seederUrl = seederUrl;
        this.probes = probes;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The samples so far; asking counts as watching, so sampling (re)starts with the next tick. */
    public synchronized List<Sample> samples() {
        lastWatched = clock.getAsLong();
        return List.copyOf(samples);
    }

    /** Whether the last tick sampled: someone watched within {@link #IDLE_MILLIS}. */
    synchronized boolean sampling() {
        return watched;
    }

    void tick() {
        long now = clock.getAsLong();
        if (now - lastWatched > IDLE_MILLIS) {
            idle();
            return;
        }
        if (!sampling()) {
            // Watching again: a fresh chart, not a line drawn across the unwatched gap.
            synchronized (this) {
                watched = true;
                samples.clear();
                probes.forEach((name, probe) -> following.put(name, probe.get()));
            }
            recent.clear();
        }
        sample(now);
    }

    private synchronized void idle() {
        watched = false;
        following.values().forEach(Probe::close);
        following.clear();
    }

    private void sample(long now) {
        try {
            Positions current = new Positions(now, positions());
            Map<String, Double> rates = new LinkedHashMap<>();
            if (!recent.isEmpty()) {
                Positions previous = recent.getLast();
                Positions oldest = recent.getFirst();
                current.at()
                        .forEach((hop, position) ->
                                rates.put(hop, (hop.startsWith(SINK) ? oldest : previous).rateTo(current, hop)));
            }
            rates.put("seeder ops/s", seederRate());
            Map<String, Long> latencies = new LinkedHashMap<>();
            Map<String, Probe> probing;
            synchronized (this) {
                probing = new LinkedHashMap<>(following);
            }
            probing.forEach((name, probe) -> {
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
            recent.addLast(current);
            while (recent.size() > SINK_WINDOW_SAMPLES) {
                recent.removeFirst();
            }
        } catch (Exception e) {
            // Kafka or the seeder is down for a moment: no point for this sample.
        }
    }

    /** Every hop's position at one time (ms). */
    private record Positions(long time, Map<String, Long> at) {
        /** Events/s of {@code hop} from here to {@code later}; a hop new since then starts at zero. */
        double rateTo(Positions later, String hop) {
            long now = later.at().get(hop);
            return Math.max(0, now - at.getOrDefault(hop, now)) / ((later.time() - time) / 1000.0);
        }
    }

    /** Where each hop is: the topics' committed end offsets, then each sink's committed offsets, summed. */
    private Map<String, Long> positions() throws Exception {
        Map<String, Long> positions = ends();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith(SINK_GROUP_PREFIX)) {
                long consumed = admin
                        .listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata()
                        .get(5, TimeUnit.SECONDS)
                        .values()
                        .stream()
                        .filter(Objects::nonNull)
                        .mapToLong(OffsetAndMetadata::offset)
                        .sum();
                positions.put(SINK + group.groupId().substring(SINK_GROUP_PREFIX.length()), consumed);
            }
        }
        return positions;
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
        idle();
    }
}
