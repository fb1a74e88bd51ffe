package dev.storefront.pipeline;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.run.RunCommand;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The pipeline's command line: {@code run} the streams application (the reconciliation module verifies it). */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        version = "pipeline 1.0",
        description = {
            "The storefront streaming pipeline: order facts, revenue analytics and the outbox feed.",
            "Settings come from application.properties, filled from .env and the environment (the environment wins)."
        },
        subcommands = {RunCommand.class, HelpCommand.class})
public final class PipelineCli implements Callable<Integer> {

    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The platform's .env (default: ./.env when there is one; else the environment only).")
    private Path envFile;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private PlatformEnv env;

    public PipelineCli(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The configured command line; {@code environment} stands for the process environment. */
    public static CommandLine commandLine(Map<String, String> environment) {
        PipelineCli root = new PipelineCli(environment);
        CommandLine commandLine = new CommandLine(root).setUsageHelpWidth(100);
        commandLine.getSubcommands().values().forEach(Cli::documentExitCodes);
        commandLine.setExecutionExceptionHandler(
                (e, failed, parseResult) -> Cli.report("pipeline", e, failed.getErr(), root.env));
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** The settings, resolved now: an undefined variable fails here, before anything starts. */
    public PipelineConfig config() {
        env = Cli.loadEnv(envFile, environment);
        return PipelineConfig.load(env);
    }
}
