package dev.storefront.contract;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a local platform's parts listen, as a client on the same machine reaches them, from its environment: the
 * one place the benchmark and the end-to-end tests build their URLs.
 */
public record PlatformEndpoints(PlatformEnv env) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + env.port(PlatformVariable.POSTGRES_PORT) + "/" + database;
    }

    public String storefrontJdbcUrl() {
        return jdbcUrl(env.require(PlatformVariable.POSTGRES_DB));
    }

    /** A connection to {@code database} as the superuser of .env; the caller closes it. */
    public Connection openDatabase(String database) throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(database),
                env.require(PlatformVariable.POSTGRES_USER),
                env.require(PlatformVariable.POSTGRES_PASSWORD));
    }

    public String kafkaBootstrap() {
        return env.require(PlatformVariable.KAFKA_HOST) + ":" + env.port(PlatformVariable.KAFKA_PORT);
    }

    /** Prometheus text from the broker's JMX exporter agent: kafka_server_*, kafka_network_*, the JVM's. */
    public String kafkaMetricsUrl() {
        return "http://" + env.require(PlatformVariable.KAFKA_HOST) + ":"
                + env.port(PlatformVariable.KAFKA_METRICS_PORT) + "/metrics";
    }

    public String connectUrl() {
        return "http://" + env.require(PlatformVariable.CONNECT_HOST) + ":" + env.port(PlatformVariable.CONNECT_PORT);
    }

    /** 200 once the worker has joined its group and can take REST calls. */
    public String connectHealthUrl() {
        return connectUrl() + "/health";
    }

    /** Prometheus text from the worker's JMX exporter agent: kafka_connect_*, Debezium's debezium_postgres_*. */
    public String connectMetricsUrl() {
        return "http://" + env.require(PlatformVariable.CONNECT_HOST) + ":"
                + env.port(PlatformVariable.CONNECT_METRICS_PORT) + "/metrics";
    }

    public String registryUrl() {
        return "http://" + env.require(PlatformVariable.APICURIO_HOST) + ":" + env.port(PlatformVariable.APICURIO_PORT);
    }

    /** The registry's Confluent-compatible API (subjects, versions, compatibility rules). */
    public String registryCcompatUrl() {
        return registryUrl() + "/apis/ccompat/v7";
    }

    /**
     * The registry's global compatibility rule (v3 API: {"config": "BACKWARD"}; 404 without one). The Confluent API's
     * GET /config does not show a rule the registry was started with (SCHEMA_COMPATIBILITY), though it enforces it.
     */
    public String registryGlobalCompatibilityUrl() {
        return registryUrl() + "/apis/registry/v3/admin/rules/COMPATIBILITY";
    }

    /** 200 once the registry's storage is ready. */
    public String registryHealthUrl() {
        return registryUrl() + "/health/ready";
    }

    public String seederUrl() {
        return "http://" + env.require(PlatformVariable.SEEDER_HOST) + ":" + env.port(PlatformVariable.SEEDER_PORT);
    }

    /** 200 once the seeder's Flyway migrations are in and its database pool is up. */
    public String seederHealthUrl() {
        return seederUrl() + "/q/health/ready";
    }

    /** Prometheus text: HTTP, JVM, the pool and the deltas' operations (seeder_delta_operations_total). */
    public String seederMetricsUrl() {
        return seederUrl() + "/q/metrics";
    }

    /** 200 while the pipeline's Kafka Streams run. */
    public String pipelineHealthUrl() {
        return pipelineUrl() + "/health";
    }

    /** Prometheus text: Kafka Streams' metrics (process rate, commit latency, ...) and the JVM's. */
    public String pipelineMetricsUrl() {
        return pipelineUrl() + "/metrics";
    }

    private String pipelineUrl() {
        return "http://" + env.require(PlatformVariable.PIPELINE_HOST) + ":" + env.port(PlatformVariable.PIPELINE_PORT);
    }

    public String consoleUrl() {
        return "http://localhost:" + env.port(PlatformVariable.CONSOLE_PORT);
    }

    public String consoleHealthUrl() {
        return consoleUrl() + "/health";
    }

    /** The SQL layer's Flink mini-cluster: REST API and web UI (only while it runs). */
    public String flinkUrl() {
        return "http://" + env.require(PlatformVariable.FLINK_HOST) + ":" + env.port(PlatformVariable.FLINK_PORT);
    }

    public String topicPrefix() {
        return env.require(PlatformVariable.TOPIC_PREFIX);
    }
}
