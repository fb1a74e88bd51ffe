package dev.storefront.platform.connectinit;

import dev.storefront.contract.connect.ConnectorStates;
import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ComponentFailure;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.ChildProcess;
import java.time.Duration;
import java.util.List;

/**
 * connect-init as a one-shot step, as in compose: registers every connector template and waits until RUNNING.
 * Needs the migrations (the seeder applies them: Debezium's role and publication) and the registry.
 */
public final class ConnectInitComponent extends ProcessComponent {

    public static final String NAME = "connect-init";

    public ConnectInitComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        return java().jar(layout.connectInitJar())
                .args(
                        "apply",
                        "--env-file",
                        layout.envFile().toString(),
                        "--connectors-dir",
                        layout.connectorsDir().toString())
                .toList();
    }

    @Override
    protected void awaitStarted(ChildProcess child, Duration timeout) throws ComponentFailure, InterruptedException {
        if (!child.waitFor(timeout)) {
            child.stop(Duration.ofSeconds(5));
            throw new ComponentFailure(NAME, "did not finish within " + timeout.toSeconds() + " s", logFile());
        }
        int code = child.exitCode().orElse(-1);
        if (code != 0) {
            throw new ComponentFailure(NAME, "exited with code " + code, logFile());
        }
    }

    /** Healthy when every connector and task on the worker is RUNNING. */
    @Override
    public boolean isHealthy() {
        return ConnectorStates.allRunning(ConnectorStates.fetch(connectUrl()));
    }

    /** What it registered. */
    @Override
    public String endpoint() {
        return "connectors/*.template.json";
    }

    private String connectUrl() {
        return layout.endpoints().connectUrl();
    }
}
