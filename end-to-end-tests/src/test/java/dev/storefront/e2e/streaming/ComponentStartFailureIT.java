package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second platform whose seeder cannot start (its migration fails on a broken publication name): `up` names the
 * seeder, shows the end of its log with secrets masked, stops what had started, and exits non-zero.
 */
@Order(5)
@ExtendWith(LocalPlatformExtension.class)
class ComponentStartFailureIT {

    @Test
    void aComponentThatFailsIsNamedWithItsLogAndTheOthersAreStopped(LocalPlatform platform, @TempDir Path dir) {
        Map<String, String> env = new HashMap<>(LocalPlatform.isolated(dir));
        env.put("DEBEZIUM_PUBLICATION", "broken\"publication");

        LocalPlatform.CommandResult up = platform.platform(env, "up", "--detach");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output()).contains("could not start seeder").contains("--- last lines of")
                .contains("The other components were stopped")
                .doesNotContain(platform.env().require("DEBEZIUM_PASSWORD"));
        env.forEach((variable, value) -> {
            if (variable.endsWith("_PORT")) {
                assertThat(portFree(Integer.parseInt(value))).as("%s=%s released", variable, value).isTrue();
            }
        });
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
