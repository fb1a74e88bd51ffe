package dev.storefront.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KafkaComponentTest {

    @Test
    void clusterIdIsSixteenBytesInBase64UrlAndNeverLooksLikeAnOption() {
        // One in 64 random base64url ids starts with '-', which the storage tool reads as an option: draw many.
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaComponent.newClusterId();

            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
        assertThat(KafkaComponent.newClusterId()).isNotEqualTo(KafkaComponent.newClusterId());
    }

    /** Loggers quieted in the broker's and the worker's log, by name; everything else logs INFO. */
    @Test
    void theLogKeepsInfoButQuietsTheLoggersThatDrownIt() throws IOException {
        Properties log = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/kafka/log4j2.properties")) {
            log.load(in);
        }
        Map<String, String> levels = log.stringPropertyNames().stream()
                .filter(key -> key.startsWith("logger.") && key.endsWith(".name"))
                .collect(Collectors.toMap(
                        log::getProperty, key -> log.getProperty(key.replaceFirst("\\.name$", ".level"))));

        assertThat(log).containsEntry("rootLogger.level", "INFO");
        assertThat(levels)
                .containsEntry("org.apache.kafka.clients", "WARN")
                .containsEntry("org.apache.kafka.common.config.AbstractConfig", "WARN")
                // Debezium's lag statistics warn once per measurement they drop under load.
                .containsEntry("io.debezium.metrics.stats.MeasurementCollector", "ERROR");
    }
}
