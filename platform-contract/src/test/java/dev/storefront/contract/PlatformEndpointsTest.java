package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformEndpointsTest {

    private final PlatformEndpoints endpoints = new PlatformEndpoints(PlatformEnv.of(Map.of(
            "POSTGRES_PORT",
            "4444",
            "POSTGRES_DB",
            "storefront",
            "KAFKA_HOST",
            "localhost",
            "KAFKA_PORT",
            "9092",
            "CONNECT_HOST",
            "localhost",
            "CONNECT_PORT",
            "8083",
            "APICURIO_HOST",
            "localhost",
            "APICURIO_PORT",
            "8080",
            "SEEDER_PORT",
            "8000",
            "TOPIC_PREFIX",
            "storefront")));

    @Test
    void everyEndpointComesFromItsVariables() {
        assertThat(endpoints.storefrontJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:4444/storefront");
        assertThat(endpoints.jdbcUrl("analytics")).isEqualTo("jdbc:postgresql://localhost:4444/analytics");
        assertThat(endpoints.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(endpoints.connectUrl()).isEqualTo("http://localhost:8083");
        assertThat(endpoints.registryUrl()).isEqualTo("http://localhost:8080");
        assertThat(endpoints.seederUrl()).isEqualTo("http://localhost:8000");
        assertThat(endpoints.topicPrefix()).isEqualTo("storefront");
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThatThrownBy(() -> new PlatformEndpoints(PlatformEnv.of(Map.of())).connectUrl())
                .hasMessageContaining("CONNECT_HOST");
    }
}
