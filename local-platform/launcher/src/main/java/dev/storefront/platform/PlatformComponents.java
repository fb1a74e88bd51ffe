package dev.storefront.platform;

import dev.storefront.platform.connect.ConnectComponent;
import dev.storefront.platform.connectinit.ConnectInitComponent;
import dev.storefront.platform.kafka.KafkaComponent;
import dev.storefront.platform.lifecycle.Component;
import dev.storefront.platform.pipeline.PipelineComponent;
import dev.storefront.platform.postgres.PostgresComponent;
import dev.storefront.platform.registry.RegistryComponent;
import dev.storefront.platform.seeder.SeederComponent;
import java.util.List;

/** The local platform's parts, each after what it depends on: local mode's equivalent of the compose files. */
public final class PlatformComponents {

    private PlatformComponents() {}

    public static List<Component> create(Layout layout) {
        return List.of(
                new PostgresComponent(layout),
                new KafkaComponent(layout),
                new SeederComponent(layout),
                new RegistryComponent(layout),
                new ConnectComponent(layout),
                new ConnectInitComponent(layout),
                new PipelineComponent(layout));
    }
}
