package dev.storefront.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.cli.ExitCode;
import dev.storefront.contract.run.FreePorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerifyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine cli = VerifyCommand.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void verifyNamesTheDatabaseItCannotReachWithoutItsPassword() throws Exception {
        int closedPort = FreePorts.pick();

        int code = run(
                Map.of("POSTGRES_PORT", Integer.toString(closedPort), "POSTGRES_PASSWORD", "s3cr3t-pw"),
                "--env-file",
                "../.env");

        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString())
                .startsWith(
                        "verify: Cannot read the storefront database jdbc:postgresql://localhost:" + closedPort + "/")
                .doesNotContain("s3cr3t-pw")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadVerifyTimeoutIsAUsageError() {
        int code = run(Map.of(), "--topic-timeout", "0");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("'--topic-timeout': must be at least 1 second");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("every output matches PostgreSQL");
    }
}
