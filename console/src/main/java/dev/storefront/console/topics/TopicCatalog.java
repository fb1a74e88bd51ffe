package dev.storefront.console.topics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.console.web.Upstream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** The broker's topics with their partitions, offset spans and registry subjects. */
public final class TopicCatalog {

    private final Admin admin;
    private final String registryCcompatUrl;
    private final Duration timeout;

    /**
     * @param admin       see {@link #admin}; the caller closes it
     * @param registryCcompatUrl the registry's Confluent-compatible API, which lists the subjects
     */
    public TopicCatalog(Admin admin, String registryCcompatUrl, Duration timeout) {
        this.admin = admin;
        this.registryCcompatUrl = registryCcompatUrl;
        this.timeout = timeout;
    }

    /** The console's admin client: every request and call ends after {@code timeout}, so a page never hangs. */
    public static Admin admin(String bootstrapServers, Duration timeout) {
        int millis = (int) timeout.toMillis();
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
    }

    /**
     * One topic: {@code offsets} is the sum over partitions of committed end minus start offset, an upper bound of its
     * records (transaction markers take offsets too); {@code subjects} are the registry subjects named after it.
     */
    public record Topic(String name, int partitions, long offsets, List<String> subjects) {}

    public List<Topic> topics() throws InterruptedException, ExecutionException, TimeoutException, IOException {
        Set<String> subjects = subjects();
        Set<String> names = new TreeSet<>(admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions
                .values()
                .forEach(description -> description.partitions().forEach(partition -> {
                    TopicPartition topicPartition = new TopicPartition(description.name(), partition.partition());
                    earliest.put(topicPartition, OffsetSpec.earliest());
                    latest.put(topicPartition, OffsetSpec.latest());
                }));
        ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        var start = admin.listOffsets(earliest, committed).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        var end = admin.listOffsets(latest, committed).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<Topic> topics = new ArrayList<>();
        for (String name : names) {
            TopicDescription description = descriptions.get(name);
            long offsets = 0;
            for (var partition : description.partitions()) {
                TopicPartition topicPartition = new TopicPartition(name, partition.partition());
                offsets += end.get(topicPartition).offset()
                        - start.get(topicPartition).offset();
            }
            List<String> named = subjects.stream()
                    .filter(subject -> subject.equals(name + "-key") || subject.equals(name + "-value"))
                    .toList();
            topics.add(new Topic(name, description.partitions().size(), offsets, named));
        }
        return topics;
    }

    /** Every subject of the registry's Confluent-compatible API. */
    private Set<String> subjects() throws IOException, InterruptedException {
        Set<String> subjects = new TreeSet<>();
        for (JsonNode subject : Upstream.get(registryCcompatUrl + "/subjects", timeout)) {
            subjects.add(subject.asText());
        }
        return subjects;
    }
}
