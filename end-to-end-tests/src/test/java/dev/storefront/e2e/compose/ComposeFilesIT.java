package dev.storefront.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.run.Command;
import dev.storefront.e2e.compose.ComposeFiles.Instruction;
import dev.storefront.e2e.compose.ComposeFiles.Service;
import dev.storefront.e2e.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose files are valid for users with Docker, checked without a Docker engine: each layer resolves with the
 * root .env through docker compose itself, every Dockerfile copies build outputs that exist after `./mvnw package`,
 * and every image is pinned to a version.
 */
class ComposeFilesIT {

    private static List<String> dockerCompose;
    private static ComposeFiles compose;

    @BeforeAll
    static void findDockerCompose() {
        dockerCompose = Tools.require(
                "docker-compose", List.of(List.of("docker", "compose"), List.of("docker-compose")), "version");
        compose = ComposeFiles.load();
    }

    @Test
    void eachLayerResolvesWithTheRootEnv() {
        for (String layer : ComposeFiles.LAYERS) {
            Command.Result result = config(compose.root.resolve(".env"), layer);
            // Only a masked output is shown: the resolved configuration holds the .env secrets.
            String shown = PlatformEnv.of(compose.env).mask(result.output());
            assertThat(result.exitCode())
                    .as("docker compose config of %s:\n%s", layer, shown)
                    .isZero();
            assertThat(result.output()).as("warnings of %s", layer).doesNotContainIgnoringCase("variable is not set");
        }
    }

    @Test
    void aVariableMissingFromEnvIsReported() throws IOException {
        Path incomplete = Files.createTempFile("incomplete", ".env");
        try {
            List<String> lines = Files.readAllLines(compose.root.resolve(".env")).stream()
                    .filter(line -> !line.startsWith("SEEDER_PORT="))
                    .toList();
            Files.write(incomplete, lines);
            Command.Result result = config(incomplete, "source");
            assertThat(result.output())
                    .as("docker compose config without SEEDER_PORT")
                    .contains("SEEDER_PORT");
        } finally {
            Files.delete(incomplete);
        }
    }

    @Test
    void everyDockerfileCopiesBuildOutputsThatExist() {
        assertThat(compose.builtServices())
                .extracting(Service::name)
                .containsExactlyInAnyOrder(
                        "seeder", "connect", "connect-init", "pipeline", "console", "flink-jobmanager");
        for (Service service : compose.builtServices()) {
            Path dockerfile = compose.dockerfile(service);
            assertThat(dockerfile).as("Dockerfile of %s", service.name()).isRegularFile();
            Path context = compose.buildContext(service);
            assertThat(context).as("build context of %s", service.name()).isEqualTo(compose.root);
            List<Instruction> copies = ComposeFiles.instructions(dockerfile).stream()
                    .filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD"))
                    .toList();
            assertThat(copies)
                    .as("COPY instructions of %s", dockerfile.getFileName())
                    .isNotEmpty();
            for (Instruction copy : copies) {
                for (String source :
                        copy.arguments().subList(0, copy.arguments().size() - 1)) {
                    assertThat(context.resolve(source))
                            .as(
                                    "%s: COPY source %s (run ./mvnw -DskipTests package first)",
                                    dockerfile.getFileName(), source)
                            .exists();
                }
            }
        }
    }

    @Test
    void everyFileAServiceMountsExists() {
        int mounts = 0;
        for (Service service : compose.services.values()) {
            for (JsonNode volume : service.node().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    mounts++;
                    assertThat(service.file().getParent().resolve(source))
                            .as("%s mounts %s (run ./mvnw -DskipTests package first)", service.name(), source)
                            .exists();
                }
            }
        }
        assertThat(mounts).as("bind mounts of the compose files").isGreaterThan(5);
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        List<String> images = new ArrayList<>();
        compose.services.values().forEach(s -> images.add(s.node().path("image").asText()));
        compose.builtServices()
                .forEach(s -> ComposeFiles.instructions(compose.dockerfile(s)).stream()
                        .filter(i -> i.keyword().equals("FROM"))
                        .forEach(i -> images.add(i.arguments().get(0))));
        assertThat(images).hasSizeGreaterThan(compose.services.size());
        for (String image : images) {
            assertThat(image).as("image reference").isNotBlank();
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as("tag of %s", image).contains(":");
            String version = tag.substring(tag.indexOf(':') + 1);
            assertThat(version).as("tag of %s", image).isNotEqualTo("latest").matches(".*\\d.*");
        }
    }

    private static Command.Result config(Path envFile, String layer) {
        List<String> command = new ArrayList<>(dockerCompose);
        command.addAll(List.of(
                "--env-file", envFile.toString(), "-f", compose.file(layer).toString(), "config", "--quiet"));
        return Command.run(compose.root, Map.of(), Duration.ofMinutes(1), command);
    }
}
