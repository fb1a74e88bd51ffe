package dev.storefront.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.pipeline.config.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    private final Topics topics = new Topics("storefront");

    @Test
    void createsMissingInputsAndOutputsWithUpsertOutputsCompacted() {
        List<NewTopic> missing = TopicProvisioner.missing(topics, 3, Set.of("storefront.public.customers"));

        Map<String, NewTopic> byName = missing.stream().collect(Collectors.toMap(NewTopic::name, t -> t));
        assertThat(byName)
                .containsOnlyKeys(
                        "storefront.public.products",
                        "storefront.public.orders",
                        "storefront.public.order_items",
                        "storefront.message",
                        "storefront.facts.orders",
                        "storefront.facts.orders.protobuf",
                        "storefront.analytics.revenue_by_category_country",
                        "order_output",
                        "order_output.dlq");
        assertThat(missing).allMatch(topic -> topic.numPartitions() == 3);
        assertThat(byName.get("order_output").configs()).containsEntry("cleanup.policy", "compact");
        assertThat(byName.get("storefront.analytics.revenue_by_category_country")
                        .configs())
                .containsEntry("cleanup.policy", "compact");
        assertThat(byName.get("order_output.dlq").configs()).isNullOrEmpty();
        assertThat(byName.get("storefront.public.orders").configs()).isNullOrEmpty();
    }

    @Test
    void createsNothingWhenEverythingExists() {
        Set<String> all = TopicProvisioner.missing(topics, 1, Set.of()).stream()
                .map(NewTopic::name)
                .collect(Collectors.toSet());

        assertThat(TopicProvisioner.missing(topics, 1, all)).isEmpty();
    }
}
