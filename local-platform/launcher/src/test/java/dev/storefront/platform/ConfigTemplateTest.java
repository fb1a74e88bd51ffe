package dev.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.contract.PlatformEnv;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTemplateTest {

    /** The real .env of the repository, so a renamed variable breaks this test rather than the platform. */
    private static final Map<String, String> ENV = PlatformEnv.readFile(Path.of("../../.env"));

    @Test
    void brokerConfigRendersFromTheRealEnv() {
        Map<String, String> values = new HashMap<>(ENV);
        values.put("platform.kafka.dataDir", "/data/kafka");

        String rendered = new ConfigTemplate("/kafka/server.properties").render(values);

        assertThat(rendered)
                .contains("listeners=PLAINTEXT://" + ENV.get("KAFKA_HOST") + ":" + ENV.get("KAFKA_PORT"))
                .contains("log.dirs=/data/kafka")
                .doesNotContain("${");
    }

    @Test
    void workerAndRegistryConfigsRenderFromTheRealEnv() {
        Map<String, String> values = new HashMap<>(ENV);
        values.put("platform.connect.pluginPath", "/plugins");

        assertThat(new ConfigTemplate("/connect/connect-distributed.properties").render(values))
                .contains("plugin.path=/plugins")
                .doesNotContain("${");
        assertThat(new ConfigTemplate("/registry/registry.env").render(ENV))
                .contains("APICURIO_DATASOURCE_URL=jdbc:postgresql://")
                .doesNotContain("${");
    }

    @Test
    void everyUndefinedVariableIsNamed() {
        assertThatThrownBy(() -> new ConfigTemplate("/kafka/server.properties").render(Map.of("KAFKA_HOST", "h")))
                .hasMessageContaining("KAFKA_PORT")
                .hasMessageContaining("KAFKA_CONTROLLER_PORT")
                .hasMessageContaining("platform.kafka.dataDir");
    }
}
