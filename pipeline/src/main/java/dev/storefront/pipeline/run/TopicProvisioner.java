package dev.storefront.pipeline.run;

import dev.storefront.pipeline.config.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the pipeline needs before it starts: the broker does not create topics on demand, and
 * Debezium creates a table's topic only at its first event, so an input may not exist yet. Existing topics are
 * left as they are.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {}

    /** The topics to create: missing inputs as Debezium would create them, missing outputs (upserts compacted). */
    static List<NewTopic> missing(Topics topics, int partitions, Set<String> existing) {
        List<NewTopic> missing = new ArrayList<>();
        for (String input : topics.inputs()) {
            missing.add(new NewTopic(input, Optional.of(partitions), Optional.empty()));
        }
        for (String upsert : topics.upsertOutputs()) {
            missing.add(new NewTopic(upsert, Optional.of(partitions), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        missing.add(new NewTopic(topics.deadLetters(), Optional.of(partitions), Optional.empty()));
        missing.removeIf(topic -> existing.contains(topic.name()));
        return missing;
    }

    /**
     * Creates the missing topics and returns once every topic the pipeline reads or writes is visible in the broker's
     * metadata (Kafka Streams stops with a missing-source-topic error otherwise). A broker that is still starting or
     * electing (no broker registered yet, no controller, a timeout: Kafka's retriable errors) is asked again with
     * backoff until {@code timeout}.
     *
     * @return the partitions of the table topics the facts read (the most any of them has)
     */
    public static int ensure(Admin admin, Topics topics, int partitions, Duration timeout) throws InterruptedException {
        KafkaRetry retry = new KafkaRetry(
                timeout,
                message -> LOG.info("Kafka is not ready for the pipeline's topics" + " yet ({}); retrying", message));
        retry.run("list or create the pipeline's topics", () -> {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = missing(topics, partitions, existing);
            for (Map.Entry<String, KafkaFuture<Void>> created :
                    admin.createTopics(missing).values().entrySet()) {
                awaitCreated(created.getKey(), created.getValue(), timeout);
            }
            if (!missing.isEmpty()) {
                LOG.info("Created topics {}", names(missing));
            }
            return null;
        });
        List<String> all = new ArrayList<>(topics.inputs());
        all.addAll(topics.outputs());
        Map<String, TopicDescription> described = retry.run(
                "see the pipeline's topics in the broker's metadata",
                () -> admin.describeTopics(all).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        return Topics.TABLES.stream()
                .mapToInt(
                        table -> described.get(topics.table(table)).partitions().size())
                .max()
                .orElse(partitions);
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> future, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Debezium (or another instance) created it meanwhile: that is as good.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            LOG.debug("Topic {} appeared meanwhile", topic);
        }
    }

    private static List<String> names(Collection<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).toList();
    }
}
