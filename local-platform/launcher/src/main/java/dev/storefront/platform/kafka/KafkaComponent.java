package dev.storefront.platform.kafka;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.platform.ConfigTemplate;
import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ComponentFailure;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.metrics.JmxExporter;
import dev.storefront.platform.process.ChildProcess;
import dev.storefront.platform.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/** The Kafka KRaft broker (broker + controller in one JVM), from the jars kafka-runtime assembled. */
public final class KafkaComponent extends ProcessComponent {

    public static final String NAME = "kafka";
    private static final String KAFKA_MAIN = "kafka.Kafka";
    /** kafka-runtime's entry point that formats a fresh log directory, then runs {@link #KAFKA_MAIN}. */
    private static final String FORMAT_THEN_SERVE = "dev.storefront.kafka.runtime.FormatThenServe";

    public KafkaComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() throws IOException, ComponentFailure {
        Map<String, String> values = new HashMap<>(layout.env().asMap());
        values.put("platform.kafka.dataDir", layout.dataDir(NAME).toString());
        Path config = new ConfigTemplate("/kafka/server.properties")
                .renderTo(layout.runDir().resolve("kafka-server.properties"), values);
        if (!Files.exists(layout.dataDir(NAME).resolve("meta.properties"))) {
            // A new KRaft log directory is formatted with a cluster id once, in the node's own JVM.
            return server(FORMAT_THEN_SERVE, newClusterId(), config.toString());
        }
        if (RegistrationFence.needed(layout.dataDir(NAME))) {
            fencePreviousRegistration(config);
        }
        return server(KAFKA_MAIN, config.toString());
    }

    /** The KRaft server JVM, serving its metrics. */
    private List<String> server(String mainClass, String... arguments) throws IOException {
        return JmxExporter.around(serverJvm(), layout, PlatformVariable.KAFKA_METRICS_PORT, mainClass, arguments)
                .toList();
    }

    private JavaCommand serverJvm() throws IOException {
        return java().option("-Dlog4j2.configurationFile=" + log4jConfig(layout));
    }

    private void fencePreviousRegistration(Path config) throws IOException, ComponentFailure {
        try {
            RegistrationFence.fence(
                    config,
                    logFile(),
                    controllerConfig -> ChildProcess.startJava(
                            "kafka-fence",
                            // No metrics port: the fence lasts seconds and must not hold the broker's.
                            serverJvm()
                                    .classpath(layout.kafkaLibs(), KAFKA_MAIN)
                                    .args(controllerConfig.toString())
                                    .toList(),
                            Map.of(),
                            layout.home(),
                            logFile(),
                            layout.classDataDir()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComponentFailure(NAME, "interrupted while fencing its previous registration", logFile());
        }
    }

    /**
     * A new cluster id, as `kafka-storage random-uuid` makes it: Kafka's own {@link Uuid}, which never starts with
     * '-'. A hand-made base64url id does one time in 64, and the storage tool then reads it as an option ("argument
     * --cluster-id: expected one argument"): that failed one fresh start in 90 here.
     */
    static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    /** The logging configuration shared by the broker and the Connect worker. */
    public static Path log4jConfig(Layout layout) {
        return new ConfigTemplate("/kafka/log4j2.properties")
                .renderTo(layout.runDir().resolve("log4j2.properties"), Map.of());
    }

    @Override
    public boolean isHealthy() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint());
        // 5 s: a probe from a fresh JVM (`status`) on a busy 2-core machine needed 7 s to its first answer (measured
        // with the SQL layer catching up after a broker restart); it retries every 100 ms within, so no later answer.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        // A probe made while the broker still starts should see it the moment it listens, not after the client's
        // default back-off (up to 1 s between connection attempts).
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "100");
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "100");
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                    .nodes()
                    .get(6, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String endpoint() {
        return host(PlatformVariable.KAFKA_HOST) + ":" + port(PlatformVariable.KAFKA_PORT);
    }
}
