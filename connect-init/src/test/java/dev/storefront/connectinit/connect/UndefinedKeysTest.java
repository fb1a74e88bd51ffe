package dev.storefront.connectinit.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UndefinedKeysTest {

    private static final String PLUGIN = "io.debezium.connector.postgresql.PostgresConnector";
    private static final Set<String> DEFINED =
            Set.of("name", "connector.class", "transforms", "snapshot.mode", "database.hostname", "slot.name");

    @Test
    void definedKeysAndKeysUnderAPassThroughPrefixOrADeclaredAliasAreAccepted() {
        Map<String, String> config = config(
                "snapshot.mode", "initial",
                "value.converter.apicurio.registry.url", "http://localhost:8080",
                "consumer.override.max.poll.records", "2000",
                "topic.creation.default.partitions", "3",
                "database.sslfactory", "org.postgresql.ssl.NonValidatingFactory",
                "transforms", "unwrap",
                "transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");

        assertThat(UndefinedKeys.find(config, DEFINED, PLUGIN, config)).isEmpty();
    }

    @Test
    void aKeyNothingDefinesIsReportedWithTheClosestDefinedKey() {
        Map<String, String> config = config("snapshot.mdoe", "never", "slot.name", "s", "completely.unrelated", "x");

        List<ConfigError> errors = UndefinedKeys.find(config, DEFINED, PLUGIN, config);

        assertThat(errors).extracting(ConfigError::field).containsExactly("snapshot.mdoe", "completely.unrelated");
        assertThat(errors.get(0).toString())
                .isEqualTo("snapshot.mdoe = \"never\": defined neither by " + PLUGIN
                        + " nor by Connect, so Connect would ignore it (did you mean snapshot.mode?)");
        assertThat(errors.get(1).toString()).doesNotContain("did you mean");
    }

    @Test
    void aNearMissOfADefinedKeyIsReportedEvenUnderAPassThroughPrefix() {
        Map<String, String> config = config("database.hostnam", "db", "transforms", "a", "transforms.b.type", "x");

        assertThat(UndefinedKeys.find(config, DEFINED, PLUGIN, config))
                .extracting(ConfigError::field)
                .as("database.hostnam is one edit from a defined key; transforms.b is not a declared alias")
                .containsExactly("database.hostnam", "transforms.b.type");
    }

    @Test
    void theReportedValueIsTheMaskedOne() {
        Map<String, String> config = config("slot.nmae", "s3cret");

        assertThat(UndefinedKeys.find(config, DEFINED, PLUGIN, Map.of("slot.nmae", "********")))
                .singleElement()
                .hasToString("slot.nmae = \"********\": defined neither by " + PLUGIN
                        + " nor by Connect, so Connect would ignore it (did you mean slot.name?)");
    }

    private static Map<String, String> config(String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
