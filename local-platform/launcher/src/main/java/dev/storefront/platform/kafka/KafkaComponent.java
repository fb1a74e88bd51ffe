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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.Uuid;

/** The Kafka KRaft broker (broker + controller in one JVM), from the jars kafka-runtime assembled. */
public final class KafkaComponent extends ProcessComponent {

    public static final String NAME = "kafka";
    private static final String KAFKA_MAIN = "kafka.Kafka";
    /** kafka-runtime's entry point that formats a fresh log directory, then runs {@link #KAFKA_MAIN}. */
    private static final String FORMAT_THEN_SERVE = "dev.storefront.kafka.runtime.FormatThenServe";

    /**
     * The feature levels the broker runs with: transactions version 1, not Kafka 4.3's default 2.
     * Under version 2 the producer's sender can send EndTxn while a record appended just before commitTransaction() is
     * still unsent (it reads "no batch outstanding" before it takes the transaction lock). Connect's exactly-once commit
     * appends its offsets record just before: that transaction's changes committed without their offsets and came twice
     * after the task's restart. Under version 1 the offsets partition's AddPartitionsToTxn goes first, and EndTxn waits
     * for the record. docs/architecture.md has the evidence; compose's kafka-features service sets the same level, and a
     * log directory formatted before gets it when the broker has started.
     */
    public static final Map<String, Short> FEATURE_LEVELS = Map.of("transaction.version", (short) 1);

    /** Whether this start formats a new log directory (with {@link #FEATURE_LEVELS}). */
    private volatile boolean formatting;

    public KafkaComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() throws IOException, ComponentFailure {
        Map<String, String> values = new HashMap<>(layout.env().asMap());
        values.put("platform.kafka.dataDir", layout.dataDir(NAME).toString());
        Path config = new ConfigTemplate("/kafka/server.properties")
                .renderTo(layout.runDir().resolve("kafka-server.properties"), values);
        formatting = !Files.exists(layout.dataDir(NAME).resolve("meta.properties"));
        if (formatting) {
            // A new KRaft log directory is formatted with a cluster id once, in the node's own JVM.
            List<String> arguments = new ArrayList<>(List.of(newClusterId(), config.toString()));
            arguments.addAll(featureArguments());
            return server(FORMAT_THEN_SERVE, arguments.toArray(String[]::new));
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

    /** {@link #FEATURE_LEVELS} as the storage tool's and kafka-features' {@code --feature} values, NAME=LEVEL. */
    public static List<String> featureArguments() {
        return FEATURE_LEVELS.entrySet().stream()
                .map(feature -> feature.getKey() + "=" + feature.getValue())
                .sorted()
                .toList();
    }

    /** Healthy; then a log directory formatted before {@link #FEATURE_LEVELS} were set gets their levels. */
    @Override
    protected void awaitStarted(ChildProcess child, Duration timeout) throws ComponentFailure, InterruptedException {
        super.awaitStarted(child, timeout);
        if (!formatting) {
            applyFeatureLevels();
        }
    }

    private void applyFeatureLevels() throws ComponentFailure, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint()))) {
            Map<String, FinalizedVersionRange> finalized = admin.describeFeatures()
                    .featureMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .finalizedFeatures();
            Map<String, FeatureUpdate> updates = new HashMap<>();
            FEATURE_LEVELS.forEach((name, level) -> {
                FinalizedVersionRange current = finalized.get(name);
                short now = current == null ? 0 : current.maxVersionLevel();
                if (now != level) {
                    updates.put(
                            name,
                            new FeatureUpdate(
                                    level,
                                    level < now
                                            ? FeatureUpdate.UpgradeType.SAFE_DOWNGRADE
                                            : FeatureUpdate.UpgradeType.UPGRADE));
                }
            });
            if (!updates.isEmpty()) {
                admin.updateFeatures(updates, new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ComponentFailure(
                    NAME, "cannot set its feature levels " + FEATURE_LEVELS + ": " + e.getMessage(), logFile());
        }
    }

    @Override
    public String endpoint() {
        return host(PlatformVariable.KAFKA_HOST) + ":" + port(PlatformVariable.KAFKA_PORT);
    }
}
