package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Last of the run: every log the platforms of this run wrote (the shared one, after every scenario used it, and the
 * scratch ones: fresh starts, start failures) holds no value of a secret variable of .env as a whole token; nor does
 * any test report of the build.
 */
@Order(1000)
@ExtendWith(LocalPlatformExtension.class)
class NoSecretInAnyLogIT {

    @Test
    void noComponentLogOfThisRunHoldsASecret(LocalPlatform platform) throws IOException {
        Path shared = Path.of(platform.env().require(PlatformVariable.PLATFORM_DIR));
        List<Path> logs;
        try (Stream<Path> files = Files.walk(shared.getParent())) {
            logs = files.filter(file -> file.toString().endsWith(".log"))
                    .filter(file -> file.getParent().getFileName().toString().equals("logs"))
                    .sorted()
                    .toList();
        }

        assertThat(logs)
                .as("component logs under %s", shared.getParent())
                .extracting(log -> log.getFileName().toString())
                .contains("postgres.log", "kafka.log", "connect.log", "connect-init.log", "seeder.log", "pipeline.log");
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertThat(platform.env().mask(text).equals(text))
                    .as("%s holds no secret value of .env", log)
                    .isTrue();
        }
    }

    /**
     * The test reports of the modules built before this one hold what their tests printed, the command lines of the
     * apps they started included (Quarkus prints the packaged seeder's, with every test-resource property as -D).
     */
    @Test
    void noTestReportOfTheModulesBuiltBeforeHoldsASecret(LocalPlatform platform) throws IOException {
        Path root = LocalPlatform.repositoryRoot();
        Path ownReports = root.resolve("end-to-end-tests").resolve("target");
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root, 5)) {
            reports = files.filter(file -> !file.startsWith(ownReports))
                    .filter(file -> file.getParent() != null
                            && List.of("surefire-reports", "failsafe-reports")
                                    .contains(file.getParent().getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }

        assertThat(reports)
                .as("test reports under %s", root)
                .anyMatch(report -> report.toString().contains("PackagedAppIT"));
        for (Path report : reports) {
            String text = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
            assertThat(platform.env().mask(text).equals(text))
                    .as("%s holds no secret value of .env", report)
                    .isTrue();
        }
    }
}
