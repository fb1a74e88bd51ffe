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
        return "jdbc:postgresql://localhost:" + env.port("POSTGRES_PORT") + "/" + database;
    }

    public String storefrontJdbcUrl() {
        return jdbcUrl(env.require("POSTGRES_DB"));
    }

    /** A connection to {@code database} as the superuser of .env; the caller closes it. */
    public Connection openDatabase(String database) throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl(database), env.require("POSTGRES_USER"), env.require("POSTGRES_PASSWORD"));
    }

    public String kafkaBootstrap() {
        return env.require("KAFKA_HOST") + ":" + env.port("KAFKA_PORT");
    }

    public String connectUrl() {
        return "http://" + env.require("CONNECT_HOST") + ":" + env.port("CONNECT_PORT");
    }

    public String registryUrl() {
        return "http://" + env.require("APICURIO_HOST") + ":" + env.port("APICURIO_PORT");
    }

    public String seederUrl() {
        return "http://localhost:" + env.port("SEEDER_PORT");
    }

    public String topicPrefix() {
        return env.require("TOPIC_PREFIX");
    }
}
