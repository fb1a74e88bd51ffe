package dev.storefront.console;

import dev.storefront.console.metrics.MetricsCommand;
import dev.storefront.console.tail.TailCommand;
import dev.storefront.console.topics.TopicsCommand;
import dev.storefront.console.web.ServeCommand;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.cli.ToolCli;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The console's command line: the terminal tools over a running platform's topics. */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        version = "console 1.0",
        subcommands = {TopicsCommand.class, TailCommand.class, MetricsCommand.class, ServeCommand.class},
        description = {
            "Sees into a running platform: its topics and their decoded records, its metrics, and the web console (serve). Settings: .env and the environment "
                    + "(the environment wins), as for every tool of the platform."
        })
public final class ConsoleMain {

    @Mixin
    private ToolCli.EnvFile envFile = new ToolCli.EnvFile();

    private final Map<String, String> environment;

    public ConsoleMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    public static CommandLine commandLine(Map<String, String> environment) {
        ConsoleMain console = new ConsoleMain(environment);
        return ToolCli.commandLine(
                console, "console", console.envFile, "ok", "the console or the command failed (the reason is printed)");
    }

    /** The platform's settings, loaded once. */
    public PlatformEnv env() {
        return envFile.load(environment);
    }
}
