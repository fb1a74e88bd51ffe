package dev.storefront.console.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** GET /api/groups: every consumer group (the sinks', the pipeline's) with its lag per partition, committed end. */
public final class ConsumerGroupsApi implements ConsoleServer.Route {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;

    public ConsumerGroupsApi(Admin admin) {
        this.admin = admin;
    }

    @Override
    public void handle(Http request) throws Exception {
        ArrayNode groups = Http.JSON.createArrayNode();
        for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            String group = listing.groupId();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    new TreeMap<>((a, b) -> a.topic().equals(b.topic())
                            ? Integer.compare(a.partition(), b.partition())
                            : a.topic().compareTo(b.topic()));
            admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            committed.put(partition, offset);
                        }
                    });
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var end = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ObjectNode entry = groups.addObject()
                    .put("group", group)
                    .put("state", listing.groupState().map(Object::toString).orElse("UNKNOWN"));
            ArrayNode partitions = entry.putArray("partitions");
            long total = 0;
            for (var committedOffset : committed.entrySet()) {
                long endOffset = end.get(committedOffset.getKey()).offset();
                long lag = Math.max(0, endOffset - committedOffset.getValue().offset());
                total += lag;
                partitions
                        .addObject()
                        .put("topic", committedOffset.getKey().topic())
                        .put("partition", committedOffset.getKey().partition())
                        .put("committed", committedOffset.getValue().offset())
                        .put("end", endOffset)
                        .put("lag", lag);
            }
            entry.put("lag", total);
        }
        request.json(200, groups);
    }
}
