package dev.storefront.contract.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformVariable;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedPlatformTest {

    @TempDir
    Path home;

    @Test
    void everyLocalPortMovesToAFreeOneAndTheDataToItsOwnFolder() throws Exception {
        Files.copy(Path.of("../.env"), home.resolve(".env"));

        IsolatedPlatform platform = IsolatedPlatform.create(home, home.resolve("scratch"));

        List<String> ports =
                PlatformVariable.localPorts().stream().map(Enum::name).toList();
        assertThat(ports)
                .contains("POSTGRES_PORT", "KAFKA_CONTROLLER_PORT", "PIPELINE_PORT")
                .doesNotContain("AKHQ_PORT", "KAFKA_INTERNAL_PORT");
        assertThat(platform.overrides())
                .containsKeys(ports.toArray(String[]::new))
                .containsEntry("PLATFORM_DIR", home.resolve("scratch").toString());
        assertThat(ports.stream().map(port -> platform.env().port(port)).distinct())
                .hasSameSizeAs(ports);
        assertThat(platform.endpoints().kafkaBootstrap())
                .endsWith(":" + platform.overrides().get("KAFKA_PORT"));
        assertThat(platform.portsInUse()).isEmpty();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", platform.env().port(PlatformVariable.CONNECT_PORT)));
            assertThat(platform.portsInUse()).containsExactly("CONNECT_PORT");
        }
    }

    @Test
    void componentPidsComeFromTheLaunchersRunState() throws Exception {
        Files.copy(Path.of("../.env"), home.resolve(".env"));
        IsolatedPlatform platform = IsolatedPlatform.create(home, home.resolve("scratch"));
        assertThat(platform.componentPids()).isEmpty();

        RunState.now(
                        RunState.Phase.UP,
                        "up",
                        List.of(
                                new RunState.Entry("kafka", 42L, "localhost:9092", "k.log"),
                                new RunState.Entry("connect-init", null, "connectors", "c.log")))
                .write(home.resolve("scratch/run"));

        assertThat(platform.componentPids()).containsExactly(Map.entry("kafka", 42L));
        assertThat(platform.runState())
                .hasValueSatisfying(state -> assertThat(state.phase()).isEqualTo(RunState.Phase.UP));
    }
}
