package dev.storefront.pipeline;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.pipeline.run.RunCommand;
import dev.storefront.pipeline.verify.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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

/** The pipeline's command line: {@code run} the streams application, or {@code verify} its outputs. */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        version = "pipeline 1.0",
        description = {
            "The storefront streaming pipeline: order facts, revenue analytics and the outbox feed.",
            "Settings come from application.properties, filled from .env and the environment (the environment wins)."
        },
        subcommands = {RunCommand.class, VerifyCommand.class, HelpCommand.class})
public final class PipelineCli implements Callable<Integer> {

    private static final Path DEFAULT_ENV_FILE = Path.of(".env");

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
        commandLine
                .getSubcommands()
                .values()
                .forEach(sub -> sub.getCommandSpec()
                        .usageMessage()
                        .exitCodeListHeading("%nExit codes:%n")
                        .exitCodeList(ExitCode.descriptions()));
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> root.report(e, failed.getErr()));
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
        if (envFile != null) {
            env = PlatformEnv.load(envFile, environment);
        } else if (Files.isRegularFile(DEFAULT_ENV_FILE)) {
            env = PlatformEnv.load(DEFAULT_ENV_FILE, environment);
        } else {
            env = PlatformEnv.of(environment);
        }
        return PipelineConfig.load(env);
    }

    /** Failures are printed with every secret of the configuration masked. */
    private int report(Exception e, PrintWriter err) {
        if (e instanceof PlatformEnvException) {
            err.println("pipeline: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        if (e instanceof PipelineFailure) {
            err.println("pipeline: " + (env == null ? e.getMessage() : env.mask(e.getMessage())));
            return ExitCode.FAILED;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println("pipeline: " + (env == null ? trace : env.mask(trace.toString())));
        return ExitCode.FAILED;
    }
}
