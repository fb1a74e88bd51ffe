package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** `platform up` tells where everything is, and `platform status` sees every component healthy. */
@Order(1)
@ExtendWith(LocalPlatformExtension.class)
class PlatformCommandsIT {

    @Test
    void upPrintsWhereSwaggerConnectTheRegistryAndKafkaAre(LocalPlatform platform) {
        assertThat(platform.upOutput())
                .contains("The storefront CDC platform is up")
                .contains(platform.seederUrl() + "/q/swagger-ui")
                .contains(platform.connectUrl() + "/connectors")
                .contains(platform.registryUrl() + "/apis/registry/v3")
                .contains(platform.kafkaBootstrap());
    }

    @Test
    void statusShowsEveryComponentHealthyAndTheSourceConnectorRunning(LocalPlatform platform) {
        LocalPlatform.CommandResult status = platform.platform("status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).doesNotContain("DOWN")
                .containsPattern("postgres\\s+healthy").containsPattern("kafka\\s+healthy")
                .containsPattern("connect\\s+healthy").containsPattern("registry\\s+healthy")
                .containsPattern("seeder\\s+healthy").containsPattern("storefront-postgres-source\\s+RUNNING");
    }
}
