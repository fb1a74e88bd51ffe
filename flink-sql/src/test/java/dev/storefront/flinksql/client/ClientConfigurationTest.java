package dev.storefront.flinksql.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigurationTest {

    @Test
    void theClientIsToldWhereTheClusterIsAndToPrintTables(@TempDir Path dir) throws Exception {
        ClientConfiguration.write(dir.resolve("conf"), "flink-sql", 18081);

        assertThat(Files.readAllLines(dir.resolve("conf").resolve(ClientConfiguration.FILE)))
                .contains(
                        "execution.target: remote",
                        "rest.address: flink-sql",
                        "rest.port: 18081",
                        "sql-client.execution.result-mode: tableau");
    }
}
