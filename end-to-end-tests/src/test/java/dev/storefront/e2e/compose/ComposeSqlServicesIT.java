package dev.storefront.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.run.FreePorts;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.e2e.compose.ComposeFiles.Service;
import dev.storefront.e2e.sql.CustomerCount;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose's SQL layer run as compose would run it, without Docker: the flink-jobmanager and flink-taskmanager
 * services (the image's ENTRYPOINT from its Dockerfile, then the service's command, with the image's paths mapped to
 * the build outputs it copies and the state volume to a folder) as processes next to the shared platform, and the
 * sql-client service's command answering a query typed on standard input with PostgreSQL's count. The job manager has
 * no task slots of its own, so the query runs on the task manager or not at all. Addresses are loopback here; the
 * compose network's (service names, Kafka's internal listener) are checked by ComposeFilesIT and
 * ComposeMatchesLocalModeTest.
 */
@Order(21)
@ExtendWith(LocalPlatformExtension.class)
class ComposeSqlServicesIT {

    private static final String JOB_MANAGER = "flink-jobmanager";
    private static final String TASK_MANAGER = "flink-taskmanager";
    private static final String CLIENT = "sql-client";
    /** The service settings that name places on the compose network; loopback and a free port here. */
    private static final List<String> NETWORK_SETTINGS = List.of(
            PlatformVariable.BIND_ADDRESS.name(),
            PlatformVariable.FLINK_HOST.name(),
            PlatformVariable.KAFKA_HOST.name(),
            PlatformVariable.KAFKA_PORT.name(),
            PlatformVariable.APICURIO_HOST.name(),
            PlatformVariable.POSTGRES_HOST.name());

    private final ComposeFiles compose = ComposeFiles.load();

    @Test
    void theJobManagerAndTaskManagerServicesAnswerAQueryOverTheCdcTopics(LocalPlatform platform, @TempDir Path volume)
            throws Exception {
        // Customers of its own: on the shared platform it may run first, before any test loaded data.
        new SeederClient(platform).fullLoad(50, 10, 50, 21);
        Service jobManager = compose.service(JOB_MANAGER);
        Map<String, Path> imagePaths = new LinkedHashMap<>(
                ComposeFiles.copiedPaths(compose.dockerfile(jobManager), compose.buildContext(jobManager)));
        for (String service : List.of(JOB_MANAGER, TASK_MANAGER, CLIENT)) {
            assertThat(compose.service(service).node().path("image").asText())
                    .as("the image of %s", service)
                    .isEqualTo(jobManager.node().path("image").asText());
            for (JsonNode mount : compose.service(service).node().path("volumes")) {
                String[] parts = mount.asText().split(":");
                if (!parts[0].startsWith(".")) {
                    imagePaths.put(parts[1], volume);
                }
            }
        }
        int port = FreePorts.pick();
        Map<String, String> loopback = Map.of(
                PlatformVariable.BIND_ADDRESS.name(), "127.0.0.1",
                PlatformVariable.FLINK_HOST.name(), "127.0.0.1",
                PlatformVariable.FLINK_PORT.name(), String.valueOf(port));
        FlinkJobs cluster = new FlinkJobs("http://127.0.0.1:" + port);

        List<Process> started = new ArrayList<>();
        try {
            started.add(platform.start(
                    command(JOB_MANAGER, imagePaths), environment(JOB_MANAGER, imagePaths, loopback), log("jm")));
            await().atMost(Duration.ofMinutes(1)).until(cluster::reachable);
            assertThat(cluster.taskManagers())
                    .as("task managers before the task manager starts")
                    .isZero();

            started.add(platform.start(
                    command(TASK_MANAGER, imagePaths), environment(TASK_MANAGER, imagePaths, loopback), log("tm")));
            await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> cluster.taskManagers() == 1);

            Result session = platform.execute(
                    command(CLIENT, imagePaths),
                    environment(CLIENT, imagePaths, loopback),
                    CustomerCount.SESSION_INPUT);

            CustomerCount.assertSessionCountedWhatPostgresHolds(platform, session);
            assertThat(cluster.list())
                    .as("the session's job, run by the task manager")
                    .extracting(FlinkJobs.Job::state)
                    .containsExactly("FINISHED");
        } finally {
            // The task manager first: the job manager's end would only make it retry.
            Collections.reverse(started);
            for (Process process : started) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** The image's ENTRYPOINT then the service's command, with the image's paths mapped to this machine's. */
    private List<String> command(String service, Map<String, Path> imagePaths) {
        List<String> command = new ArrayList<>();
        for (String word : ComposeFiles.entrypoint(compose.dockerfile(compose.service(JOB_MANAGER)))) {
            command.add(mapped(word, imagePaths));
        }
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (JsonNode word : compose.service(service).node().path("command")) {
            command.add(mapped(word.asText(), imagePaths));
        }
        return command;
    }

    /** The service's environment with the image's paths mapped and the network's places swapped for loopback's. */
    private Map<String, String> environment(
            String service, Map<String, Path> imagePaths, Map<String, String> loopback) {
        Map<String, String> environment = new LinkedHashMap<>();
        compose.service(service).environment().forEach((name, value) -> {
            if (!NETWORK_SETTINGS.contains(name)) {
                environment.put(name, mapped(value, imagePaths));
            }
        });
        environment.putAll(loopback);
        return environment;
    }

    /** {@code word} with a leading image path (or one after {@code --option=}) replaced by where it is here. */
    private static String mapped(String word, Map<String, Path> imagePaths) {
        int value = word.startsWith("--") && word.contains("=") ? word.indexOf('=') + 1 : 0;
        String path = word.substring(value);
        for (Map.Entry<String, Path> image : imagePaths.entrySet()) {
            if (path.equals(image.getKey()) || path.startsWith(image.getKey() + "/")) {
                return word.substring(0, value)
                        + image.getValue()
                        + path.substring(image.getKey().length());
            }
        }
        return word;
    }

    private static Path log(String name) throws IOException {
        Path dir =
                Files.createDirectories(LocalPlatform.repositoryRoot().resolve("end-to-end-tests/target/compose-sql"));
        return dir.resolve(name + ".log");
    }
}
