package dev.storefront.e2e.support;

import dev.storefront.contract.PlatformVariable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A second, real Kafka Connect worker on the platform's broker (its own group and internal topics), started from the
 * same runtime and plugins as the platform's worker: for scenarios that need Connect to come up later.
 */
public final class ConnectWorker implements AutoCloseable {

    private final Process process;

    private ConnectWorker(Process process) {
        this.process = process;
    }

    public static ConnectWorker start(LocalPlatform platform, String name, int port) {
        try {
            Path platformConfig = Path.of(
                    platform.env().require(PlatformVariable.PLATFORM_DIR), "run", "connect-distributed.properties");
            Properties config = new Properties();
            try (var in = Files.newBufferedReader(platformConfig)) {
                config.load(in);
            }
            config.setProperty("group.id", name);
            config.setProperty("config.storage.topic", "_" + name + "-configs");
            config.setProperty("offset.storage.topic", "_" + name + "-offsets");
            config.setProperty("status.storage.topic", "_" + name + "-status");
            config.setProperty("listeners", "http://localhost:" + port);
            config.setProperty("rest.advertised.port", String.valueOf(port));
            Path dir = Files.createTempDirectory(name);
            Path file = dir.resolve("worker.properties");
            try (var out = Files.newBufferedWriter(file)) {
                config.store(out, "second worker for " + name);
            }
            Path libs = platform.root().resolve("local-platform/kafka-runtime/target/lib");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    libs + "/*",
                    "org.apache.kafka.connect.cli.ConnectDistributed",
                    file.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("worker.log").toFile());
            // As the launcher starts Connect: with the platform's variables, the secrets its configs name included.
            builder.environment().putAll(platform.env().asMap());
            Process process = builder.start();
            return new ConnectWorker(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
