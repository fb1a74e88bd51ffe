package dev.storefront.connectinit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.connectinit.CliFixture.Result;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineUsageTest {

    @TempDir
    Path dir;

    @Test
    void unknownOptionIsBadUsage() {
        Result result = new CliFixture(dir).run("apply", "--force");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Unknown option: '--force'");
    }

    @Test
    void unknownCommandIsBadUsage() {
        Result result = new CliFixture(dir).run("register");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Unmatched argument at index").contains("'register'");
    }

    @Test
    void badTimeoutIsBadUsage() {
        Result result = CliFixture.runRaw(Map.of(), "apply", "--timeout", "soon");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Invalid value for option '--timeout': 'soon' is not a duration");
    }

    @Test
    void nonPositiveTimeoutIsBadUsage() {
        Result result = CliFixture.runRaw(Map.of(), "status", "--timeout=0s");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("'0s' is not a positive duration");
    }

    @Test
    void badConnectUrlIsBadUsage() {
        Result result = CliFixture.runRaw(Map.of(), "--connect-url", "localhost:8083", "status");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Invalid value for option '--connect-url': 'localhost:8083'");
    }

    @Test
    void missingCommandIsBadUsage() {
        Result result = CliFixture.runRaw(Map.of());

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("Missing command", "Usage: connect-init");
    }

    @Test
    void helpDocumentsEveryExitCode() {
        Result result = CliFixture.runRaw(Map.of(), "apply", "--help");

        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("Exit codes:");
        ExitCode.descriptions()
                .forEach((code, description) -> assertThat(result.out())
                        .containsPattern("(?m)^\\s+" + code + "\\s+"
                                + Pattern.quote(description.substring(0, Math.min(12, description.length())))));
    }
}
