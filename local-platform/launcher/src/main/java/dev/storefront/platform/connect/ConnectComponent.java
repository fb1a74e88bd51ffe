package dev.storefront.platform.connect;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.platform.ConfigTemplate;
import dev.storefront.platform.Layout;
import dev.storefront.platform.kafka.KafkaComponent;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.metrics.JmxExporter;
import dev.storefront.platform.process.Probes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A distributed Kafka Connect worker; each plugin loads from its own folder under plugin.path. */
public final class ConnectComponent extends ProcessComponent {

    public static final String NAME = "connect";

    public ConnectComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        Map<String, String> values = new HashMap<>(layout.env().asMap());
        values.put("platform.connect.pluginPath", layout.connectPluginPath().toString());
        Path config = new ConfigTemplate("/connect/connect-distributed.properties")
                .renderTo(layout.runDir().resolve("connect-distributed.properties"), values);
        return JmxExporter.around(
                        java().option("-Dlog4j2.configurationFile=" + KafkaComponent.log4jConfig(layout)),
                        layout,
                        PlatformVariable.CONNECT_METRICS_PORT,
                        "org.apache.kafka.connect.cli.ConnectDistributed",
                        config.toString())
                .toList();
    }

    /**
     * Connect's own readiness probe (KIP-1017): 200 only once the herder has started and joined its group. Its REST
     * API answers earlier (GET /connectors is 200 seconds before), and connect-init requests in that gap meet a
     * worker still joining.
     */
    @Override
    public boolean isHealthy() {
        return Probes.httpOk(layout.endpoints().connectHealthUrl());
    }

    @Override
    public String endpoint() {
        return layout.endpoints().connectUrl() + "/connectors";
    }
}
