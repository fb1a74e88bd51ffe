package dev.storefront.benchmark.phase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.report.PhaseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The tuning the figures were measured with, as the platform ran it: each connector's settings read back from Connect
 * and the pipeline's from its packaged application.properties. A report then says which tuning it measured; the README
 * says why each value was chosen.
 */
public final class SettingsPhase {

    public static final String NAME = "Tuning in effect";
    /** Settings a connector does not set show Debezium's or Connect's default. */
    static final String DEFAULT = "(default)";

    /** Source settings the template leaves at Debezium's default on purpose, shown so a run says what was in effect. */
    static final List<String> SOURCE_DEFAULTS_SHOWN =
            List.of("max.batch.size", "max.queue.size", "snapshot.fetch.size");

    private static final List<String> SINK_SETTINGS =
            List.of("batch.size", "consumer.override.max.poll.records", "connection.pool.max_size");
    static final Map<String, List<String>> CONNECTOR_SETTINGS = Map.of(
            "storefront-postgres-source",
                    Stream.concat(
                                    Stream.of(
                                            "poll.interval.ms",
                                            "producer.override.batch.size",
                                            "extended.headers.enabled",
                                            "timestamptz.type",
                                            "sourceinfo.struct.maker",
                                            "value.converter",
                                            "value.converter.apicurio.registry.schema-resolver"),
                                    SOURCE_DEFAULTS_SHOWN.stream())
                            .toList(),
            "cdc-history-jdbc-sink", SINK_SETTINGS,
            "analytics-jdbc-sink", SINK_SETTINGS);
    static final List<String> PIPELINE_SETTINGS = List.of(
            "streams.processing.guarantee",
            "streams.commit.interval.ms",
            "streams.poll.ms",
            "streams.num.stream.threads",
            "streams.max.task.idle.ms");

    private SettingsPhase() {}

    public static PhaseResult run(BenchContext ctx) throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> connector : CONNECTOR_SETTINGS.entrySet()) {
            JsonNode config = ctx.http()
                    .get(ctx.platform().endpoints().connectUrl() + "/connectors/" + connector.getKey() + "/config");
            facts.put(
                    connector.getKey(),
                    pick(
                            connector.getValue(),
                            key -> config.path(key).isMissingNode()
                                    ? null
                                    : config.path(key).asText()));
        }
        Properties pipeline = packagedProperties(ctx.platform().home().resolve("pipeline/target/pipeline.jar"));
        facts.put("pipeline", pick(PIPELINE_SETTINGS, pipeline::getProperty));
        return new PhaseResult(
                NAME,
                List.of(),
                facts,
                List.of("Read from the running connectors (Connect's REST API) "
                        + "and the pipeline jar; the README's Performance section says why each value."),
                null);
    }

    static Map<String, String> pick(List<String> keys, Function<String, String> lookup) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            String value = lookup.apply(key);
            values.put(key, value == null ? DEFAULT : value);
        }
        return values;
    }

    private static Properties packagedProperties(Path jar) throws IOException {
        Properties properties = new Properties();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry("application.properties");
            if (entry == null) {
                throw new IOException(jar + " has no application.properties");
            }
            try (InputStream in = file.getInputStream(entry)) {
                properties.load(in);
            }
        }
        return properties;
    }
}
