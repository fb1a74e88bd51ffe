package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A second platform whose seeder cannot start (its migration fails on a broken publication name): `up` names the
 * seeder, shows the end of its log with secrets masked, stops what had started, and exits non-zero.
 */
@Order(5)
class ComponentStartFailureIT {

    @Test
    void aComponentThatFailsIsNamedWithItsLogAndTheOthersAreStopped() {
        LocalPlatform broken = LocalPlatform.scratch("start-failure");

        Result up = broken.platform(Map.of("DEBEZIUM_PUBLICATION", "broken\"publication"), "up", "--detach");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output())
                .contains("could not start seeder")
                .contains("--- last lines of")
                .contains("The other components were stopped")
                .doesNotContain(broken.env().require(PlatformVariable.DEBEZIUM_PASSWORD));
        assertThat(broken.portsInUse())
                .as("ports still in use after the failed start")
                .isEmpty();
    }
}
