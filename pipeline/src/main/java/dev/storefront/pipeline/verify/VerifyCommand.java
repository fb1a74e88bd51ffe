package dev.storefront.pipeline.verify;

import dev.storefront.pipeline.ExitCode;
import dev.storefront.pipeline.PipelineCli;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints the reconciliation of every output against PostgreSQL; exit 0 only when all match. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Reconciles every pipeline output with PostgreSQL on a running platform, per output:",
            "order facts (Avro and Protobuf) with the SQL join per order; revenue (topic and sink table) with the",
            "SQL GROUP BY; order_output with the outbox messages and the orders; the <table>_cdc tables with",
            "the change topics and the source tables. Run it once the deltas stopped and the pipeline caught up."
        })
public final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private PipelineCli cli;

    @Spec
    private CommandSpec spec;

    private Duration topicTimeout;

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
        VerifyReport report = new PipelineVerifier(cli.config(), topicTimeout).verify();
        spec.commandLine().getOut().print(report.render());
        spec.commandLine().getOut().flush();
        return report.allMatch() ? ExitCode.OK : ExitCode.FAILED;
    }
}
