package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformEndpointsTest {

    private final PlatformEndpoints endpoints = new PlatformEndpoints(PlatformEnv.of(Map.ofEntries(
            Map.entry("POSTGRES_PORT", "4444"),
            Map.entry("POSTGRES_DB", "storefront"),
            Map.entry("KAFKA_HOST", "localhost"),
            Map.entry("KAFKA_PORT", "9092"),
            Map.entry("KAFKA_METRICS_PORT", "9404"),
            Map.entry("CONNECT_HOST", "localhost"),
            Map.entry("CONNECT_PORT", "8083"),
            Map.entry("CONNECT_METRICS_PORT", "9405"),
            Map.entry("APICURIO_HOST", "localhost"),
            Map.entry("APICURIO_PORT", "8080"),
            Map.entry("SEEDER_HOST", "seeder"),
            Map.entry("SEEDER_PORT", "8000"),
            Map.entry("PIPELINE_HOST", "pipeline"),
            Map.entry("PIPELINE_PORT", "8090"),
            Map.entry("CONSOLE_PORT", "8070"),
            Map.entry("TOPIC_PREFIX", "storefront"))));

    @Test
    void everyEndpointComesFromItsVariables() {
        assertThat(endpoints.storefrontJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:4444/storefront");
        assertThat(endpoints.jdbcUrl("analytics")).isEqualTo("jdbc:postgresql://localhost:4444/analytics");
        assertThat(endpoints.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(endpoints.kafkaMetricsUrl()).isEqualTo("http://localhost:9404/metrics");
        assertThat(endpoints.connectUrl()).isEqualTo("http://localhost:8083");
        assertThat(endpoints.connectMetricsUrl()).isEqualTo("http://localhost:9405/metrics");
        assertThat(endpoints.registryUrl()).isEqualTo("http://localhost:8080");
        assertThat(endpoints.seederUrl()).isEqualTo("http://seeder:8000");
        assertThat(endpoints.pipelineHealthUrl()).isEqualTo("http://pipeline:8090/health");
        assertThat(endpoints.consoleUrl()).isEqualTo("http://localhost:8070");
        assertThat(endpoints.topicPrefix()).isEqualTo("storefront");
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThatThrownBy(() -> new PlatformEndpoints(PlatformEnv.of(Map.of())).connectUrl())
                .hasMessageContaining("CONNECT_HOST");
    }
}
