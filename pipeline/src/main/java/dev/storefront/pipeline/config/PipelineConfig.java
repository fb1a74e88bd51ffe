package dev.storefront.pipeline.config;

import dev.storefront.contract.Placeholders;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import dev.storefront.contract.RegistryWireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pipeline's settings: {@code application.properties} with its {@link Placeholders} filled from
 * the platform environment. Every undefined variable is reported at once, before anything starts.
 */
public final class PipelineConfig {

    private static final String RESOURCE = "/application.properties";

    private final Map<String, String> template;
    private final Map<String, String> values;

    private PipelineConfig(Map<String, String> template, Map<String, String> values) {
        this.template = template;
        this.values = values;
    }

    /** The packaged application.properties resolved against {@code env}. */
    public static PipelineConfig load(PlatformEnv env) {
        Properties properties = new Properties();
        try (InputStream in = PipelineConfig.class.getResourceAsStream(RESOURCE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + " from the classpath", e);
        }
        Map<String, String> template = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .sorted()
                .forEach(key -> template.put(key, properties.getProperty(key)));
        return resolve(template, env);
    }

    static PipelineConfig resolve(Map<String, String> template, PlatformEnv env) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> undefined = new TreeSet<>();
        template.forEach((key, raw) -> {
            Placeholders.Rendered value = Placeholders.render(raw, env.asMap());
            value.undefined().forEach(variable -> undefined.add(variable + " (used by " + key + ")"));
            values.put(key, value.text());
        });
        if (!undefined.isEmpty()) {
            throw new PlatformEnvException(
                    "Variables not set: " + String.join(", ", undefined) + "; define them in .env or the environment");
        }
        return new PipelineConfig(template, values);
    }

    /** The Kafka Streams configuration ({@code streams.*} without the prefix). */
    public Properties streams() {
        Properties streams = new Properties();
        streams.putAll(withPrefix("streams."));
        return streams;
    }

    /** The Apicurio serde configuration: {@code serde.*} without the prefix, and the platform's wire format. */
    public Map<String, Object> serde() {
        Map<String, Object> serde = new LinkedHashMap<>(withPrefix("serde."));
        serde.putAll(RegistryWireFormat.SETTINGS);
        return serde;
    }

    public String bootstrapServers() {
        return require("streams.bootstrap.servers");
    }

    public Topics topics() {
        return new Topics(require("pipeline.topic-prefix"));
    }

    public String outboxPrefix() {
        return require("pipeline.outbox-prefix");
    }

    public int partitions() {
        return number("pipeline.partitions", 1, 10_000, "a partition count");
    }

    /** The address the health endpoint binds to (BIND_ADDRESS: loopback unless opened on purpose). */
    public String healthHost() {
        return require("pipeline.health-host");
    }

    public int healthPort() {
        return number("pipeline.health-port", 1, 65_535, "a port number");
    }

    /** How long the streams may stay out of RUNNING with nothing changing before the pipeline exits to be restarted. */
    public Duration stallTimeout() {
        return Duration.ofSeconds(number("pipeline.stall-timeout-seconds", 10, 86_400, "a number of seconds"));
    }

    public JdbcTarget storefrontDb() {
        return new JdbcTarget(require("verify.storefront-url"), require("verify.user"), require("verify.password"));
    }

    /** The publication Debezium reads: its tables are the captured ones, each with a history table. */
    public String publication() {
        return require("verify.publication");
    }

    /** The SQL layer's Flink REST API (its jobs' outputs are verified while they run). */
    public String flinkUrl() {
        return require("verify.flink-url");
    }

    public JdbcTarget analyticsDb() {
        return new JdbcTarget(require("verify.analytics-url"), require("verify.user"), require("verify.password"));
    }

    private Map<String, String> withPrefix(String prefix) {
        Map<String, String> section = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                section.put(key.substring(prefix.length()), value);
            }
        });
        return section;
    }

    private String require(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new PlatformEnvException("Setting " + key + " is missing from " + RESOURCE);
        }
        return value;
    }

    private int number(String key, int min, int max, String what) {
        String value = require(key);
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below, naming the setting and the variable it came from
        }
        throw new PlatformEnvException(key + " = " + template.get(key) + " must be " + what + " (" + min + "-" + max
                + "), got '" + value + "'");
    }

    /** A PostgreSQL database verify reads; the password is never printed ({@link #toString()} omits it). */
    public record JdbcTarget(String url, String user, String password) {
        @Override
        public String toString() {
            return url + " as " + user;
        }
    }
}
