package dev.storefront.pipeline;

import dev.storefront.contract.cli.ExitCode;
import dev.storefront.contract.cli.ToolCli;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.run.RunCommand;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    private ToolCli.EnvFile envFile = new ToolCli.EnvFile();

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;

    public PipelineCli(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The configured command line; {@code environment} stands for the process environment. */
    public static CommandLine commandLine(Map<String, String> environment) {
        PipelineCli root = new PipelineCli(environment);
        return ToolCli.commandLine(
                root, "pipeline", root.envFile, "ok: stopped when asked", "the streams stopped on an error or stalled");
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** The settings, resolved now: an undefined variable fails here, before anything starts. */
    public PipelineConfig config() {
        return PipelineConfig.load(envFile.load(environment));
    }
}
