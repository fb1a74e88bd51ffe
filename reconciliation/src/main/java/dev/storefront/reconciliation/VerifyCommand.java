package dev.storefront.reconciliation;

import dev.storefront.contract.cli.ExitCode;
import dev.storefront.contract.cli.ToolCli;
import dev.storefront.pipeline.config.PipelineConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints the reconciliation of every output against PostgreSQL; exit 0 only when all match. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        version = "reconciliation 1.0",
        description = {
            "Reconciles every output of the platform with PostgreSQL on a running platform, per output:",
            "order facts (Avro and Protobuf) with the SQL join per order; revenue (topic and sink table) with the",
            "SQL GROUP BY; order_output with the outbox messages and the orders; the <table>_cdc tables with",
            "the change topics and the source tables. Run it once the deltas stopped and the pipeline caught up.",
            "Settings: the pipeline's application.properties (its topics, serdes and the verify.* databases),",
            "filled from .env and the environment (the environment wins)."
        })
public final class VerifyCommand implements Callable<Integer> {

    @Mixin
    private ToolCli.EnvFile envFile = new ToolCli.EnvFile();

    @Spec
    private CommandSpec spec;

    private Duration topicTimeout;

    private final Map<String, String> environment;

    public VerifyCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The configured command line; {@code environment} stands for the process environment. */
    public static CommandLine commandLine(Map<String, String> environment) {
        VerifyCommand verify = new VerifyCommand(environment);
        return ToolCli.commandLine(
                verify,
                "verify",
                verify.envFile,
                "ok: every output matches PostgreSQL",
                "verify found differences (the report names them), or a read failed");
    }

    @Option(
            names = "--topic-timeout",
            defaultValue = "120",
            paramLabel = "SECONDS",
            description = "How long reading one topic to its end may take (default: ${DEFAULT-VALUE}).")
    private void topicTimeout(long seconds) {
        if (seconds < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--topic-timeout': must be at least 1 second, got " + seconds);
        }
        this.topicTimeout = Duration.ofSeconds(seconds);
    }

    @Override
    public Integer call() throws Exception {
        VerifyReport report =
                new PipelineVerifier(PipelineConfig.load(envFile.load(environment)), topicTimeout).verify();
        spec.commandLine().getOut().print(report.render());
        spec.commandLine().getOut().flush();
        return report.allMatch() ? ExitCode.OK : ExitCode.FAILED;
    }
}
