package dev.storefront.pipeline;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** What the pipeline's and the reconciliation's command lines share: the .env they read, exit codes, errors. */
public final class Cli {

    private static final Path DEFAULT_ENV_FILE = Path.of(".env");

    private Cli() {}

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

    /** Lists {@link ExitCode}s in the command's --help. */
    public static void documentExitCodes(CommandLine command) {
        command.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.descriptions());
    }

    /** Prints a failure of {@code tool} with every secret of the configuration masked; returns its exit code. */
    public static int report(String tool, Exception e, PrintWriter err, PlatformEnv env) {
        if (e instanceof PlatformEnvException) {
            err.println(tool + ": " + e.getMessage());
            return ExitCode.CONFIG;
        }
        if (e instanceof PipelineFailure) {
            err.println(tool + ": " + (env == null ? e.getMessage() : env.mask(e.getMessage())));
            return ExitCode.FAILED;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println(tool + ": " + (env == null ? trace : env.mask(trace.toString())));
        return ExitCode.FAILED;
    }
}
