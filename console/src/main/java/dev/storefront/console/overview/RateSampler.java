package dev.storefront.console.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.console.web.Upstream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The live charts' numbers, sampled every 2 s for the last 5 minutes: change events/s per topic (growth of the
 * committed end offsets of the CDC topics and the facts) and the seeder's rate of operations.
 */
public final class RateSampler implements AutoCloseable {

    public static final long PERIOD_MILLIS = 2000;
    private static final int KEEP = 150;

    /** One sample: when, the events/s per series (topic name, or "seeder ops/s"). */
    public record Sample(long at, Map<String, Double> rates) {}

    private final Admin admin;
    private final List<String> topics;
    private final String seederUrl;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Map<String, Long> lastEnds = Map.of();
    private long lastAt;

    public RateSampler(Admin admin, List<String> topics, String seederUrl) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.seederUrl = seederUrl;
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
            synchronized (this) {
                samples.addLast(new Sample(now, rates));
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
    }
}
