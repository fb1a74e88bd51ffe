package dev.storefront.connectinit.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.connectinit.Json;
import dev.storefront.connectinit.template.RenderedConnector;
import dev.storefront.contract.PlatformEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static final PlatformEnv ENV = PlatformEnv.of(Map.of(
            "POSTGRES_PASSWORD",
            "postgres",
            "DEBEZIUM_PASSWORD",
            "debezium-secret",
            "POSTGRES_USER",
            "postgres",
            "API_TOKEN",
            "",
            "TOPIC_PREFIX",
            "storefront"));

    private final JsonMasker masker = JsonMasker.of(
            ENV,
            List.of(new RenderedConnector(
                    "sink",
                    Path.of("x"),
                    Map.of(
                            "connector.class",
                            "X",
                            "connection.password",
                            "inline-pw",
                            "topics",
                            "storefront.orders"))));

    @Test
    void masksSecretValuesAsWholeTokensOnly() {
        assertThat(masker.maskText("FATAL: password authentication failed (password=debezium-secret)"))
                .isEqualTo("FATAL: password authentication failed (password=********)");
        assertThat(masker.maskText("user \"postgres\" at jdbc:postgresql://db/postgres; sink pw inline-pw"))
                .isEqualTo("user \"********\" at jdbc:postgresql://db/********; sink pw ********");
        assertThat(masker.maskText("storefront-postgres-source uses org.postgresql.Driver"))
                .isEqualTo("storefront-postgres-source uses org.postgresql.Driver");
    }

    @Test
    void masksValidateResponsesEchoingConfigValues() throws Exception {
        JsonNode response = Json.MAPPER.readTree("""
                {"name": "X", "error_count": 1, "configs": [
                  {"definition": {"name": "database.password", "default_value": "guess"},
                   "value": {"name": "database.password", "value": "typo-secret", "errors": []}},
                  {"value": {"name": "database.user", "value": "postgres", "errors": ["role debezium-secret?"]}},
                  {"value": {"name": "topic.prefix", "value": "storefront", "errors": []}}]}""");

        JsonNode masked = masker.maskJson(response);

        assertThat(masked.at("/configs/0/definition/default_value").asText()).isEqualTo(JsonMasker.MASK);
        assertThat(masked.at("/configs/0/value/value").asText()).isEqualTo(JsonMasker.MASK);
        assertThat(masked.at("/configs/1/value/value").asText()).isEqualTo(JsonMasker.MASK);
        assertThat(masked.at("/configs/1/value/errors/0").asText()).isEqualTo("role ********?");
        assertThat(masked.at("/configs/2/value/value").asText()).isEqualTo("storefront");
        assertThat(response.at("/configs/0/value/value").asText())
                .as("the original is untouched")
                .isEqualTo("typo-secret");
    }

    @Test
    void masksSecretNamedKeysWholeEvenWhenTheirValueIsNoKnownSecret() {
        JsonNode masked = masker.maskJson(new RenderedConnector(
                        "s",
                        Path.of("x"),
                        Map.of(
                                "connector.class",
                                "X",
                                "sasl.jaas.credentials",
                                "whatever",
                                "ssl.truststore.password",
                                ""))
                .toJson());

        assertThat(masked.at("/config/sasl.jaas.credentials").asText()).isEqualTo(JsonMasker.MASK);
        assertThat(masked.at("/config/connector.class").asText()).isEqualTo("X");
    }
}
