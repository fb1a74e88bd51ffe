package dev.storefront.platform;

import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.ClassDataArchive;
import dev.storefront.platform.lifecycle.ComponentManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where everything is: the build outputs each component runs from, and the platform folder (PLATFORM_DIR) that
 * holds data, logs and run state, kept between runs like compose volumes.
 */
public final class Layout {

    private final Path home;
    private final PlatformEnv env;
    private final Path platformDir;

    public Layout(Path home, PlatformEnv env) {
        this.home = home.toAbsolutePath().normalize();
        this.env = env;
        this.platformDir = this.home
                .resolve(env.get(PlatformVariable.PLATFORM_DIR).orElse(".platform"))
                .normalize();
    }

    public Path home() {
        return home;
    }

    public PlatformEnv env() {
        return env;
    }

    public Path platformDir() {
        return platformDir;
    }

    public Path dataDir(String component) {
        return platformDir.resolve("data").resolve(component);
    }

    public Path logFile(String component) {
        return platformDir.resolve("logs").resolve(component + ".log");
    }

    /** The URLs and connections of this platform's components, as every other module builds them. */
    public PlatformEndpoints endpoints() {
        return new PlatformEndpoints(env);
    }

    /** Class-data archives of the components' JVMs: derived from the build, so they live with it. */
    public Path classDataDir() {
        return ClassDataArchive.dir(home);
    }

    public Path runDir() {
        return platformDir.resolve("run");
    }

    public Path kafkaLibs() {
        return home.resolve("local-platform/kafka-runtime/target/lib");
    }

    public Path connectPluginPath() {
        return home.resolve(ComponentManifest.SHIPPED.connectPluginPath());
    }

    public Path registryDir() {
        return home.resolve("local-platform/registry-runtime/target/apicurio-registry");
    }

    public Path registryJar() {
        try (Stream<Path> files = Files.list(registryDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .findFirst()
                    .orElse(registryDir().resolve("apicurio-registry-app-runner.jar"));
        } catch (IOException e) {
            return registryDir().resolve("apicurio-registry-app-runner.jar");
        }
    }

    public Path seederJar() {
        return home.resolve("seeder/target/quarkus-app/quarkus-run.jar");
    }

    public Path connectInitJar() {
        return home.resolve("connect-init/target/connect-init.jar");
    }

    public Path pipelineJar() {
        return home.resolve("pipeline/target/pipeline.jar");
    }

    public Path reconciliationJar() {
        return home.resolve("reconciliation/target/reconciliation.jar");
    }

    public Path benchmarkJar() {
        return home.resolve("benchmark/target/benchmark.jar");
    }

    public Path drillJar() {
        return home.resolve("fault-drill/target/fault-drill.jar");
    }

    public Path evolveJar() {
        return home.resolve("schema-evolution/target/schema-evolution.jar");
    }

    public Path consoleJar() {
        return home.resolve("console/target/console.jar");
    }

    public Path flinkSqlJar() {
        return home.resolve("flink-sql/target/flink-sql.jar");
    }

    /** Where the SQL layer's cluster writes the SQL client's config.yaml (FLINK_CONF_DIR of a session). */
    public Path flinkSqlClientConf() {
        return dataDir("flink-sql").resolve("client-conf");
    }

    /** The files of the SQL layer's running jobs, submitted again when its cluster starts. */
    public Path flinkSqlJobsDir() {
        return dataDir("flink-sql").resolve("jobs");
    }

    /** The interactive sessions' catalog file and history. */
    public Path flinkSqlSessionDir() {
        return dataDir("flink-sql").resolve("session");
    }

    public Path connectorsDir() {
        return home.resolve("connectors");
    }

    public Path envFile() {
        return home.resolve(".env");
    }

    /** Build outputs that are missing, with what produces them; empty when the build is complete. */
    public List<String> missingBuildOutputs() {
        List<String> missing = new ArrayList<>();
        Map<String, Path> required = Map.of(
                "Kafka runtime (local-platform/kafka-runtime)", kafkaLibs(),
                "Connect plugins (local-platform/connect-plugins)", connectPluginPath(),
                "Apicurio Registry (local-platform/registry-runtime)", registryJar(),
                "seeder", seederJar(),
                "connect-init", connectInitJar(),
                "pipeline", pipelineJar(),
                "console", consoleJar(),
                "flink-sql", flinkSqlJar());
        required.forEach((what, path) -> {
            if (!Files.exists(path)) {
                missing.add(what + ": " + home.relativize(path));
            }
        });
        return missing;
    }
}
