package dev.storefront.platform;

import dev.storefront.platform.connect.ConnectComponent;
import dev.storefront.platform.connectinit.ConnectInitComponent;
import dev.storefront.platform.console.ConsoleComponent;
import dev.storefront.platform.kafka.KafkaComponent;
import dev.storefront.platform.lifecycle.Component;
import dev.storefront.platform.lifecycle.ComponentManifest;
import dev.storefront.platform.pipeline.PipelineComponent;
import dev.storefront.platform.postgres.PostgresComponent;
import dev.storefront.platform.registry.RegistryComponent;
import dev.storefront.platform.seeder.SeederComponent;
import dev.storefront.platform.sql.FlinkSqlComponent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The local platform's parts, in the order of the {@link ComponentManifest} (each after what it depends on): local
 * mode's equivalent of the compose files. Here only the code each one runs.
 */
public final class PlatformComponents {

    /** The code of each component the manifest names. */
    static final Map<String, Function<Layout, Component>> IMPLEMENTATIONS = Map.of(
            PostgresComponent.NAME, PostgresComponent::new,
            KafkaComponent.NAME, KafkaComponent::new,
            SeederComponent.NAME, SeederComponent::new,
            RegistryComponent.NAME, RegistryComponent::new,
            ConnectComponent.NAME, ConnectComponent::new,
            ConnectInitComponent.NAME, ConnectInitComponent::new,
            PipelineComponent.NAME, PipelineComponent::new,
            ConsoleComponent.NAME, ConsoleComponent::new,
            FlinkSqlComponent.NAME, FlinkSqlComponent::new);

    private PlatformComponents() {}

    public static List<Component> create(Layout layout) {
        return ComponentManifest.SHIPPED.components().stream()
                .map(spec -> {
                    Function<Layout, Component> implementation = IMPLEMENTATIONS.get(spec.name());
                    if (implementation == null) {
                        throw new IllegalStateException(
                                ComponentManifest.RESOURCE + " names " + spec.name() + ", which has no implementation");
                    }
                    return implementation.apply(layout);
                })
                .toList();
    }
}
