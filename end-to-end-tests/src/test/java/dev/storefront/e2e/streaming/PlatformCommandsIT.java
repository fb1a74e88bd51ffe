package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.ListeningSockets;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `platform up` tells where everything is, and `platform status` sees every component healthy. */
@Order(1)
@ExtendWith(LocalPlatformExtension.class)
class PlatformCommandsIT {

    @Test
    void upPrintsWhereSwaggerConnectTheRegistryAndKafkaAre(LocalPlatform platform) {
        assertThat(platform.upOutput())
                .contains("The storefront CDC platform is up")
                .contains(platform.endpoints().seederUrl() + "/q/swagger-ui")
                .contains(platform.endpoints().connectUrl() + "/connectors")
                .contains(platform.endpoints().registryUrl() + "/apis/registry/v3")
                .contains(platform.endpoints().kafkaBootstrap());
    }

    @Test
    void statusShowsEveryComponentHealthyAndTheSourceConnectorRunning(LocalPlatform platform) {
        Result status = platform.platform("status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output())
                .doesNotContain("DOWN")
                .containsPattern("postgres\\s+healthy")
                .containsPattern("kafka\\s+healthy")
                .containsPattern("connect\\s+healthy")
                .containsPattern("registry\\s+healthy")
                .containsPattern("seeder\\s+healthy")
                .containsPattern("storefront-postgres-source\\s+RUNNING");
    }

    @Test
    void everyComponentListensOnLoopbackOnly(LocalPlatform platform) {
        List<ListeningSockets.Listener> listeners =
                ListeningSockets.of(platform.componentPids().values());

        assertThat(listeners)
                .as("the running platform's listening sockets")
                .extracting(ListeningSockets.Listener::port)
                .contains(
                        platform.env().port(PlatformVariable.SEEDER_PORT),
                        platform.env().port(PlatformVariable.PIPELINE_PORT),
                        platform.env().port(PlatformVariable.CONNECT_PORT),
                        platform.env().port(PlatformVariable.KAFKA_PORT),
                        platform.env().port(PlatformVariable.APICURIO_PORT),
                        platform.env().port(PlatformVariable.POSTGRES_PORT));
        assertThat(listeners)
                .as(
                        "listeners outside loopback (BIND_ADDRESS is %s)",
                        platform.env().require(PlatformVariable.BIND_ADDRESS))
                .allMatch(ListeningSockets.Listener::loopback);
    }

    @Test
    void upWhileUpIsRefusedAndChangesNothing(LocalPlatform platform) {
        Map<String, Long> pids = platform.componentPids();

        Result up = platform.platform("up", "--detach");

        assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
        assertThat(up.output()).contains("The platform is already running");
        assertThat(platform.componentPids()).isEqualTo(pids);
    }

    @Test
    void theBuiltLauncherNamesItsVersionAndPassesUnknownFlagsOfVerifyToItsCheck(LocalPlatform platform) {
        Result version = platform.platform("--version");
        Result verify = platform.platform("verify", "--bogus");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("storefront CDC platform 1.0.0-SNAPSHOT");
        assertThat(verify.exitCode()).as(verify.output()).isEqualTo(2);
        assertThat(verify.output()).contains("Unknown option: '--bogus'");
    }

    @Test
    void resetRefusesWhileThePlatformRuns(LocalPlatform platform) {
        Result reset = platform.platform("reset", "--yes");

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.output()).contains("stop it first");
        assertThat(Path.of(platform.env().require(PlatformVariable.PLATFORM_DIR), "data", "postgres"))
                .isDirectory();
    }

    @Test
    void aSecondPlatformOnTakenPortsFailsNamingThePortAndStartsNothing(LocalPlatform platform, @TempDir Path otherDir) {
        Result up = platform.platform(Map.of("PLATFORM_DIR", otherDir.toString()), "up", "--detach");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("POSTGRES_PORT").contains("already in use");
        assertThat(otherDir.resolve("data")).doesNotExist();
    }
}
