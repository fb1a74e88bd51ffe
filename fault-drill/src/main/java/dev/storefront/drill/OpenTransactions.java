package dev.storefront.drill;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions where a transaction stays open while every writer is quiet: their committed end (last stable offset) never
 * reaches their end. Every writer's transaction times out within 10 s, so one open for longer hangs for good, and
 * read_committed readers (the pipeline restoring its state, the sinks, verify) stop at it.
 */
final class OpenTransactions {

    private OpenTransactions() {}

    /** The partitions not once seen with committed end = end within {@code within}, as "topic-partition". */
    static Set<String> lasting(String bootstrapServers, Duration within)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(
                            admin.listTopics().names().get())
                    .allTopicNames()
                    .get()
                    .values()) {
                topic.partitions()
                        .forEach(partition -> latest.put(
                                new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            Set<TopicPartition> open = new HashSet<>(latest.keySet());
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                var committed = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all()
                        .get();
                var end = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                        .all()
                        .get();
                open.removeIf(partition ->
                        committed.get(partition).offset() == end.get(partition).offset());
                if (open.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
            Set<String> names = new TreeSet<>();
            open.forEach(partition -> names.add(partition.toString()));
            return names;
        }
    }
}
