package dev.storefront.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every variable of the platform's configuration, declared once: its name, the value the root {@code .env} ships,
 * a one-line doc, and what a valid value is. {@link PlatformEnv#load} refuses an invalid value naming the variable;
 * a test keeps this list and {@code .env} in step (every variable in both, each documented).
 */
public enum PlatformVariable {
    BIND_ADDRESS(
            Kind.HOST,
            "127.0.0.1",
            "The address local mode's listeners bind to: 127.0.0.1 (this machine only) or 0.0.0.0 (on purpose)."),
    POSTGRES_HOST(Kind.HOST, "localhost", "Host the other components use to reach PostgreSQL."),
    POSTGRES_PORT(Kind.PORT, "4444", "Port PostgreSQL listens on, on this machine in both modes."),
    POSTGRES_DB(Kind.NAME, "storefront", "The storefront OLTP database the seeder writes and Debezium captures."),
    POSTGRES_USER(Kind.NAME, "postgres", "Superuser that owns the databases and runs the migrations."),
    POSTGRES_PASSWORD(Kind.SECRET, "pg-playground-secret", "The superuser's password (a playground default)."),
    DEBEZIUM_USER(Kind.NAME, "debezium", "Least-privilege login Debezium connects as."),
    DEBEZIUM_PASSWORD(Kind.SECRET, "debezium-secret", "Debezium's password (a playground default)."),
    DEBEZIUM_PUBLICATION(Kind.TEXT, "storefront_publication", "Publication listing the captured tables."),
    DEBEZIUM_SLOT(Kind.NAME, "storefront_slot", "Replication slot Debezium creates and resumes from."),
    SEEDER_HOST(Kind.HOST, "localhost", "Host of the seeder's REST API."),
    SEEDER_PORT(Kind.PORT, "8000", "HTTP port of the seeder's REST API and Swagger UI."),
    OUTBOX_PREFIX(Kind.NAME, "storefront.orders", "Prefix of the logical decoding message each new order emits."),
    KAFKA_HOST(Kind.HOST, "localhost", "Host the components use to reach the Kafka broker."),
    KAFKA_PORT(Kind.PORT, "9092", "The broker's listener for clients."),
    KAFKA_CONTROLLER_PORT(Kind.PORT, "9093", "The KRaft controller's listener."),
    KAFKA_METRICS_PORT(Kind.PORT, "9404", "The broker's Prometheus metrics (GET /metrics, JMX exporter agent)."),
    CONNECT_HOST(Kind.HOST, "localhost", "Host of Kafka Connect's REST API."),
    CONNECT_PORT(Kind.PORT, "8083", "Port of Kafka Connect's REST API."),
    CONNECT_METRICS_PORT(
            Kind.PORT, "9405", "The Connect worker's Prometheus metrics, Debezium's included (GET /metrics)."),
    APICURIO_HOST(Kind.HOST, "localhost", "Host of the Apicurio Registry."),
    APICURIO_PORT(Kind.PORT, "8080", "Port of the Apicurio Registry."),
    APICURIO_DB(Kind.NAME, "apicurio", "Database of the same PostgreSQL where the registry keeps its schemas."),
    SCHEMA_COMPATIBILITY(
            Kind.COMPATIBILITY,
            "BACKWARD",
            "The registry's global compatibility rule: a new schema of a subject must read what the last one wrote."),
    TOPIC_PREFIX(Kind.NAME, "storefront", "Prefix of every CDC topic: <prefix>.public.<table>, <prefix>.message."),
    CDC_TOPIC_PARTITIONS(Kind.COUNT, "1", "Partitions of the topics Debezium and the pipeline create."),
    PLATFORM_DIR(Kind.PATH, ".platform", "Folder of the local platform's data, logs and run state."),
    PIPELINE_HOST(Kind.HOST, "localhost", "Host of the pipeline's GET /health."),
    PIPELINE_PORT(Kind.PORT, "8090", "Port of the pipeline's GET /health."),
    CONSOLE_PORT(Kind.PORT, "8070", "Port of the web console."),
    FLINK_HOST(Kind.HOST, "localhost", "Host of the SQL layer's Flink REST API, as its clients reach it."),
    FLINK_PORT(
            Kind.PORT,
            "8081",
            "The SQL layer (optional): REST API and web UI of its Flink mini-cluster (./platform sql, up --sql)."),
    ANALYTICS_DB(Kind.NAME, "storefront_analytics", "Database of the JDBC sinks' tables."),
    AKHQ_PORT(Kind.PORT, "9000", "Compose only: AKHQ, the Kafka web UI.", true),
    KAFKA_INTERNAL_PORT(Kind.PORT, "29092", "Compose only: the broker's listener on the compose network.", true),
    PROMETHEUS_PORT(Kind.PORT, "9090", "Compose only (profile monitoring): Prometheus.", true),
    GRAFANA_PORT(Kind.PORT, "3000", "Compose only (profile monitoring): Grafana with the storefront dashboard.", true),
    GRAFANA_ADMIN_PASSWORD(
            Kind.SECRET,
            "grafana-playground-secret",
            "Compose only (profile monitoring): Grafana's admin password (dashboards open read-only without one).",
            true);

    /** What a valid value looks like; each says so in its error. */
    public enum Kind {
        HOST("a host name without spaces", Pattern.compile("[A-Za-z0-9_.:\\[\\]-]+")),
        PORT("a port number (1-65535)", null),
        COUNT("a whole number from 1", null),
        NAME("a name of letters, digits, '_', '.' or '-'", Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*")),
        PATH("a folder path", Pattern.compile("\\S.*")),
        SECRET("a non-empty value", Pattern.compile(".+")),
        TEXT("a non-empty value", Pattern.compile(".+")),
        COMPATIBILITY(
                "a compatibility rule: NONE, BACKWARD, FORWARD or FULL, each also _TRANSITIVE but NONE",
                Pattern.compile("NONE|(BACKWARD|FORWARD|FULL)(_TRANSITIVE)?"));

        private final String expected;
        private final Pattern pattern;

        Kind(String expected, Pattern pattern) {
            this.expected = expected;
            this.pattern = pattern;
        }

        boolean accepts(String value) {
            return switch (this) {
                case PORT -> number(value).filter(n -> n >= 1 && n <= 65_535).isPresent();
                case COUNT -> number(value).filter(n -> n >= 1).isPresent();
                default -> pattern.matcher(value).matches();
            };
        }

        private static Optional<Integer> number(String value) {
            try {
                return Optional.of(Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Kind kind;
    private final String shipped;
    private final String doc;
    private final boolean composeOnly;

    PlatformVariable(Kind kind, String shipped, String doc) {
        this(kind, shipped, doc, false);
    }

    PlatformVariable(Kind kind, String shipped, String doc, boolean composeOnly) {
        this.kind = kind;
        this.shipped = shipped;
        this.doc = doc;
        this.composeOnly = composeOnly;
    }

    /** The ports local mode listens on: what an isolated platform moves to free ports. */
    public static List<PlatformVariable> localPorts() {
        return Arrays.stream(values())
                .filter(v -> v.kind == Kind.PORT && !v.composeOnly)
                .toList();
    }

    public Kind kind() {
        return kind;
    }

    /** The value the root .env ships. */
    public String shipped() {
        return shipped;
    }

    public String doc() {
        return doc;
    }

    public boolean secret() {
        return kind == Kind.SECRET;
    }

    /** Why {@code value} is invalid for this variable, or empty when it is valid. */
    public Optional<String> problem(String value) {
        return kind.accepts(value)
                ? Optional.empty()
                : Optional.of(name() + " must be " + kind.expected + ", got '" + (secret() ? SecretMasker.MASK : value)
                        + "' (" + doc + ")");
    }

    public static Optional<PlatformVariable> named(String name) {
        for (PlatformVariable variable : values()) {
            if (variable.name().equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }
}
