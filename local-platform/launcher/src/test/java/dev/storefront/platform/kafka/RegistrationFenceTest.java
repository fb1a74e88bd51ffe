package dev.storefront.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.platform.ConfigTemplate;
import dev.storefront.platform.process.ChildProcess;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    /** A controller that became active and fenced nothing: its broker's registration was fenced before. */
    @Test
    void aControllerThatFencesNothingSoonAfterBecomingActiveIsStoppedAndTheStartGoesOn() throws Exception {
        Path config = dataDir.resolve("kafka-server.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            combined().store(out, null);
        }
        Path log = dataDir.resolve("kafka.log");
        long began = System.nanoTime();

        RegistrationFence.fence(
                config,
                log,
                fenceConfig -> ChildProcess.start(
                        "fake-controller",
                        List.of("sh", "-c", "echo '" + RegistrationFence.ACTIVE + " at epoch 2'; exec sleep 60"),
                        Map.of(),
                        dataDir,
                        log));

        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(took)
                .isBetween(RegistrationFence.FENCE_AFTER_ACTIVE, RegistrationFence.FENCE_AFTER_ACTIVE.plusSeconds(10));
        assertThat(Files.readString(log))
                .contains("[launcher] starting the node as a controller alone")
                .contains("[launcher] no registration to fence: starting normally");
        assertThat(dataDir.resolve("kafka-fence.properties")).content().contains("process.roles=controller");
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
