package dev.storefront.contract.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorStatesTest {

    @Test
    void namesEveryConnectorThatIsNotRunningWithItsState() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("storefront-postgres-source", ConnectorStates.RUNNING);
        states.put("analytics-jdbc-sink", "RUNNING (task 0 FAILED)");
        states.put("cdc-history-jdbc-sink", "PAUSED");

        assertThat(ConnectorStates.notRunning(states))
                .containsExactly("analytics-jdbc-sink RUNNING (task 0 FAILED)", "cdc-history-jdbc-sink PAUSED");
        assertThat(ConnectorStates.allRunning(states)).isFalse();
    }

    @Test
    void allRunningNeedsAtLeastOneConnector() {
        assertThat(ConnectorStates.allRunning(Map.of("storefront-postgres-source", ConnectorStates.RUNNING)))
                .isTrue();
        assertThat(ConnectorStates.allRunning(Map.of())).isFalse();
        assertThat(ConnectorStates.notRunning(Map.of())).isEmpty();
    }
}
