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

    public String connectUrl() {
        return "http://" + env.require(PlatformVariable.CONNECT_HOST) + ":" + env.port(PlatformVariable.CONNECT_PORT);
    }

    public String registryUrl() {
        return "http://" + env.require(PlatformVariable.APICURIO_HOST) + ":" + env.port(PlatformVariable.APICURIO_PORT);
    }

    public String seederUrl() {
        return "http://" + env.require(PlatformVariable.SEEDER_HOST) + ":" + env.port(PlatformVariable.SEEDER_PORT);
    }

    /** 200 while the pipeline's Kafka Streams run. */
    public String pipelineHealthUrl() {
        return "http://" + env.require(PlatformVariable.PIPELINE_HOST) + ":" + env.port(PlatformVariable.PIPELINE_PORT)
                + "/health";
    }

    public String consoleUrl() {
        return "http://localhost:" + env.port(PlatformVariable.CONSOLE_PORT);
    }

    public String topicPrefix() {
        return env.require(PlatformVariable.TOPIC_PREFIX);
    }
}
