package dev.storefront.flinksql.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SQL client's {@code config.yaml}: where the cluster is, and how results show. Written by the cluster. */
public final class ClientConfiguration {

    public static final String FILE = "config.yaml";

    private ClientConfiguration() {}

    /** {@code restHost}: the cluster as its clients reach it (FLINK_HOST). */
    public static void write(Path confDir, String restHost, int restPort) throws IOException {
        Files.createDirectories(confDir);
        Files.writeString(confDir.resolve(FILE), """
                # Written by the SQL layer's cluster at start: Flink's SQL client submits to it.
                execution.target: remote
                rest.address: %s
                rest.port: %d
                parallelism.default: 1
                # Results as plain tables printed as they change: readable in a terminal and through a pipe.
                sql-client.execution.result-mode: tableau
                """.formatted(restHost, restPort), StandardCharsets.UTF_8);
    }
}
