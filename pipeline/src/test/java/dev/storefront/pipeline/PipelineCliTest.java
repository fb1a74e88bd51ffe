package dev.storefront.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.cli.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PipelineCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        CommandLine cli = PipelineCli.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anUndefinedVariableStopsRunBeforeAnythingStarts() {
        int code = run(Map.of("PIPELINE_PORT", ""), "--env-file", "../.env", "run");

        assertThat(code).isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString())
                .startsWith("pipeline: Variables not set: PIPELINE_PORT (used by pipeline.health-port)");
    }

    @Test
    void aTakenHealthPortStopsRunBeforeAnyTopicIsCreated() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int code = run(
                    Map.of("PIPELINE_PORT", Integer.toString(taken.getLocalPort()), "KAFKA_PORT", "1"),
                    "--env-file",
                    "../.env",
                    "run");

            assertThat(code).isEqualTo(ExitCode.CONFIG);
            assertThat(err.toString()).contains("Cannot listen on port " + taken.getLocalPort());
        }
    }

    @Test
    void aMissingEnvFileIsNamed() {
        int code = run(Map.of(), "--env-file", "no-such.env", "run");

        assertThat(code).isEqualTo(ExitCode.CONFIG);
        assertThat(err.toString()).contains("No .env file at").contains("no-such.env");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run(Map.of(), "run", "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("bad configuration");
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("run");
    }
}
