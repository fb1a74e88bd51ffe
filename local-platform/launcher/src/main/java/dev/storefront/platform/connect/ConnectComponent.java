package dev.storefront.platform.connect;

import dev.storefront.platform.ConfigTemplate;
import dev.storefront.platform.Layout;
import dev.storefront.platform.kafka.KafkaComponent;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.JavaCommand;
import dev.storefront.platform.process.Probes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A distributed Kafka Connect worker; each plugin loads from its own folder under plugin.path. */
public final class ConnectComponent extends ProcessComponent {

    public static final String NAME = "connect";

    public ConnectComponent(Layout layout) {
        super(layout, NAME, List.of(KafkaComponent.NAME), Duration.ofSeconds(120));
    }

    @Override
    public List<PortClaim> ports() {
        return List.of(new PortClaim("CONNECT_PORT", host("CONNECT_HOST"), port("CONNECT_PORT")));
    }

    @Override
    protected List<String> command() {
        Map<String, String> values = new HashMap<>(layout.env().asMap());
        values.put("platform.connect.pluginPath", layout.connectPluginPath().toString());
        Path config = new ConfigTemplate("/connect/connect-distributed.properties")
                .renderTo(layout.runDir().resolve("connect-distributed.properties"), values);
        return JavaCommand.withHeap("768m")
                .option("-Dlog4j2.configurationFile=" + KafkaComponent.log4jConfig(layout))
                .classpath(layout.kafkaLibs(), "org.apache.kafka.connect.cli.ConnectDistributed")
                .args(config.toString())
                .toList();
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpOk(endpoint());
    }

    @Override
    public String endpoint() {
        return "http://" + host("CONNECT_HOST") + ":" + port("CONNECT_PORT") + "/connectors";
    }
}
