package dev.storefront.contract.cli;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** What the platform's tools' command lines share: the .env they read, exit codes, errors. */
public final class ToolCli {

    private static final Path DEFAULT_ENV_FILE = Path.of(".env");

    private ToolCli() {}

    /** {@code --env-file}, else ./.env when there is one, else the environment only; the environment wins. */
    public static PlatformEnv loadEnv(Path envFile, Map<String, String> environment) {
        if (envFile != null) {
            return PlatformEnv.load(envFile, environment);
        }
        if (Files.isRegularFile(DEFAULT_ENV_FILE)) {
            return PlatformEnv.load(DEFAULT_ENV_FILE, environment);
        }
        return PlatformEnv.of(environment);
    }

    /** The {@code --env-file} option of every tool of the platform, and the settings it leads to, loaded once. */
    public static final class EnvFile {

        @Option(
                names = "--env-file",
                paramLabel = "FILE",
                scope = ScopeType.INHERIT,
                description = "The platform's .env (default: ./.env when there is one; else the environment only).")
        private Path file;

        private PlatformEnv env;

        /** The settings: {@link #loadEnv} of --env-file and {@code environment}; an undefined variable fails here. */
        public PlatformEnv load(Map<String, String> environment) {
            if (env == null) {
                env = loadEnv(file, environment);
            }
            return env;
        }

        /** The settings if already loaded, else null: what a failure's message is masked with. */
        public PlatformEnv loaded() {
            return env;
        }
    }

    /**
     * A tool's command line: 100 columns, the exit codes in the help of the tool and of each subcommand, and every
     * failure reported by {@link #report} with the secrets of the settings {@code env} had loaded by then masked.
     */
    public static CommandLine commandLine(Object tool, String name, EnvFile env, String ok, String failed) {
        CommandLine commandLine = new CommandLine(tool).setUsageHelpWidth(100);
        documentExitCodes(commandLine, ok, failed);
        commandLine.getSubcommands().values().forEach(command -> documentExitCodes(command, ok, failed));
        commandLine.setExecutionExceptionHandler(
                (e, command, parseResult) -> report(name, e, command.getErr(), env.loaded()));
        return commandLine;
    }

    /** Lists {@link ExitCode}s in the command's --help, with what exits 0 and 1 mean for this tool. */
    private static void documentExitCodes(CommandLine command, String ok, String failed) {
        command.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.descriptions(ok, failed));
    }

    /** Prints a failure of {@code tool} with every secret of the configuration masked; returns its exit code. */
    private static int report(String tool, Exception e, PrintWriter err, PlatformEnv env) {
        if (e instanceof PlatformEnvException) {
            err.println(tool + ": " + e.getMessage());
            return ExitCode.CONFIG;
        }
        if (e instanceof ToolFailure) {
            err.println(tool + ": " + (env == null ? e.getMessage() : env.mask(e.getMessage())));
            return ExitCode.FAILED;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println(tool + ": " + (env == null ? trace : env.mask(trace.toString())));
        return ExitCode.FAILED;
    }
}
