package dev.storefront.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.platform.ConfigTemplate;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationFenceTest {

    @TempDir
    Path dataDir;

    @Test
    void everyStartAfterTheFirstNeedsIt() throws IOException {
        assertThat(RegistrationFence.needed(dataDir)).as("never started").isFalse();

        Files.createDirectories(dataDir.resolve("__cluster_metadata-0"));
        assertThat(RegistrationFence.needed(dataDir)).as("killed").isTrue();

        // Stopped cleanly, without a controlled shutdown: the registration is left unfenced all the same.
        Files.createFile(dataDir.resolve(".kafka_cleanshutdown"));
        assertThat(RegistrationFence.needed(dataDir)).as("stopped").isTrue();
    }

    @Test
    void theNodeStopsWithoutAControlledShutdown() {
        assertThat(combined().getProperty("controlled.shutdown.enable")).isEqualTo("false");
    }

    @Test
    void theControllerAloneKeepsTheQuorumAndDataButListensOnlyAsController() {
        Properties combined = combined();

        Properties controller = RegistrationFence.controllerOnly(combined);

        assertThat(controller.getProperty("process.roles")).isEqualTo("controller");
        assertThat(controller.getProperty("listeners")).isEqualTo("CONTROLLER://127.0.0.1:9093");
        assertThat(controller).doesNotContainKeys("advertised.listeners", "inter.broker.listener.name");
        assertThat(controller.getProperty("broker.session.timeout.ms")).isEqualTo("1000");
        for (String same :
                new String[] {"node.id", "controller.quorum.voters", "log.dirs", "controller.listener.names"}) {
            assertThat(controller.getProperty(same)).as(same).isEqualTo(combined.getProperty(same));
        }
    }

    /** The combined node's configuration as the launcher renders it. */
    private Properties combined() {
        Map<String, String> values = new HashMap<>(Map.of(
                "BIND_ADDRESS", "127.0.0.1",
                "KAFKA_HOST", "localhost",
                "KAFKA_PORT", "9092",
                "KAFKA_CONTROLLER_PORT", "9093"));
        values.put("platform.kafka.dataDir", dataDir.toString());
        Properties combined = new Properties();
        try {
            combined.load(new StringReader(new ConfigTemplate("/kafka/server.properties").render(values)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return combined;
    }
}
