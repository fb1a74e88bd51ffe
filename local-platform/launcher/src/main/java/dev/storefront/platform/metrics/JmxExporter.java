package dev.storefront.platform.metrics;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.platform.ConfigTemplate;
import dev.storefront.platform.Layout;
import dev.storefront.platform.process.JavaCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' JMX exporter in a Kafka JVM (the broker, the Connect worker): GET /metrics on its own port, bound like
 * every listener of local mode to BIND_ADDRESS, serving the MBeans metrics/jmx-exporter.yaml lists. kafka-runtime's
 * WithJmxExporter starts it on a thread of its own beside the JVM's own main class.
 */
public final class JmxExporter {

    /** kafka-runtime's entry point (on the Kafka classpath, not the launcher's). */
    static final String ENTRY_POINT = "dev.storefront.kafka.runtime.WithJmxExporter";

    private JmxExporter() {}

    /** {@code command} with the exporter on the port of {@code portVariable}, running {@code mainClass}. */
    public static JavaCommand around(
            JavaCommand command, Layout layout, PlatformVariable portVariable, String mainClass, String... arguments) {
        var config = new ConfigTemplate("/metrics/jmx-exporter.yaml")
                .renderTo(layout.runDir().resolve("jmx-exporter.yaml"), Map.of());
        List<String> all = new ArrayList<>();
        all.add(layout.env().require(PlatformVariable.BIND_ADDRESS) + ":"
                + layout.env().port(portVariable) + ":" + config);
        all.add(mainClass);
        all.addAll(List.of(arguments));
        return command.classpath(layout.kafkaLibs(), ENTRY_POINT).args(all.toArray(String[]::new));
    }
}
