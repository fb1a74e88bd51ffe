package dev.storefront.platform.console;

import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.Probes;
import java.util.List;

/** The web console (`console.jar serve`); it asks the others when a page asks, so it needs only Kafka to start. */
public final class ConsoleComponent extends ProcessComponent {

    public static final String NAME = "console";

    public ConsoleComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        return java().jar(layout.consoleJar()).args("serve").toList();
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpOk(layout.endpoints().consoleHealthUrl());
    }

    @Override
    public String endpoint() {
        return layout.endpoints().consoleUrl() + "/";
    }
}
