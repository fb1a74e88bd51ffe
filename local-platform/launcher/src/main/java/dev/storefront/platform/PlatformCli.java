package dev.storefront.platform;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `./platform`: the storefront CDC platform on this machine, every part a real process, no Docker. */
@Command(
        name = "platform",
        mixinStandardHelpOptions = true,
        versionProvider = PlatformCli.Version.class,
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            LogsCommand.class,
            ConsoleCommand.Topics.class,
            ConsoleCommand.Tail.class,
            ConsoleCommand.Metrics.class,
            RestartCommand.class,
            ResetCommand.class,
            VerifyCommand.class,
            BenchCommand.class,
            DrillCommand.class,
            SchemaEvolutionCommand.Evolve.class,
            SchemaEvolutionCommand.Snapshot.class,
            SqlCommand.class,
            CommandLine.HelpCommand.class
        },
        description = {
            "The storefront CDC platform on this machine, no Docker: PostgreSQL, Kafka, Kafka Connect with "
                    + "Debezium, Apicurio Registry, the seeder, connect-init and the pipeline, each its own process.",
            "Configuration: .env in --home, overridden by the environment. Data and logs: PLATFORM_DIR "
                    + "(default .platform)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a component failed, or is not healthy (status)",
            "2:bad command line",
            "3:bad configuration (.env)"
        })
public final class PlatformCli {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CONFIG_ERROR = 3;

    @Option(
            names = "--home",
            description = "Repository root with .env and the build outputs (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(".");

    Layout layout() {
        return new Layout(home, PlatformEnv.load(home.resolve(".env")));
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The build's version, from the launcher jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PlatformCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "storefront CDC platform " + (version == null ? "(not built as a jar)" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"
            };
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new PlatformCli()).setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            if (error instanceof PlatformEnvException || error instanceof IllegalStateException) {
                commandLine.getErr().println("Configuration error: " + error.getMessage());
                return CONFIG_ERROR;
            }
            throw error;
        });
    }
}
