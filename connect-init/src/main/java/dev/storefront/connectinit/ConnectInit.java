package dev.storefront.connectinit;

import dev.storefront.connectinit.command.ApplyCommand;
import dev.storefront.connectinit.command.DeleteCommand;
import dev.storefront.connectinit.command.RenderCommand;
import dev.storefront.connectinit.command.RestartCommand;
import dev.storefront.connectinit.command.StatusCommand;
import dev.storefront.connectinit.connect.ConnectClient;
import dev.storefront.connectinit.connect.RunningWaiter;
import dev.storefront.connectinit.secret.JsonMasker;
import dev.storefront.connectinit.template.RenderedConnector;
import dev.storefront.connectinit.template.TemplateCatalog;
import dev.storefront.connectinit.template.TemplateRenderer;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import dev.storefront.contract.cli.DurationText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The connect-init command line: global options, and what every subcommand shares. */
@Command(
        name = "connect-init",
        mixinStandardHelpOptions = true,
        version = "connect-init 1.0",
        description = {
            "Registers Kafka Connect connectors from connectors/<name>.template.json.",
            "Templates hold $${VAR} placeholders, filled from .env and the environment (the environment wins)."
        },
        subcommands = {
            RenderCommand.class,
            ApplyCommand.class,
            StatusCommand.class,
            RestartCommand.class,
            DeleteCommand.class,
            HelpCommand.class
        })
public final class ConnectInit implements Callable<Integer> {

    /** How long `status` retries a transient answer: a rebalance passes in a second or two. */
    static final Duration BRIEF_RETRY = Duration.ofSeconds(5);

    @Option(
            names = "--env-file",
            defaultValue = ".env",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The platform's .env (default: ${DEFAULT-VALUE}); the environment overrides it.")
    private Path envFile;

    @Option(
            names = "--connectors-dir",
            defaultValue = "connectors",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Folder of <name>.template.json files (default: ${DEFAULT-VALUE}).")
    private Path connectorsDir;

    private URI connectUrl;

    @Option(
            names = "--timeout",
            defaultValue = "120s",
            paramLabel = "DURATION",
            converter = DurationText.class,
            scope = ScopeType.INHERIT,
            description = "How long to wait for Connect to answer, and for each connector"
                    + " to be RUNNING (default: ${DEFAULT-VALUE}; e.g. 500ms, 90s, 2m).")
    private Duration timeout;

    @Option(
            names = "--settle",
            defaultValue = "3s",
            paramLabel = "DURATION",
            converter = DurationText.class,
            scope = ScopeType.INHERIT,
            description = "How long Connect's answers are doubted: RUNNING is believed once seen this long after a"
                    + " change or restart, FAILED/PAUSED once held this long (Connect may briefly show the previous"
                    + " run's state; default: ${DEFAULT-VALUE}).")
    private Duration settle;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;
    private PlatformEnv env;
    private final List<RenderedConnector> rendered = new ArrayList<>();

    public ConnectInit(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The configured command line; {@code environment} stands for the process environment. */
    public static CommandLine commandLine(Map<String, String> environment) {
        ConnectInit root = new ConnectInit(environment);
        CommandLine commandLine = new CommandLine(root).setUsageHelpWidth(100);
        documentExitCodes(commandLine);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> root.report(e, failed.getErr()));
        return commandLine;
    }

    private static void documentExitCodes(CommandLine commandLine) {
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.descriptions());
        commandLine.getSubcommands().values().forEach(ConnectInit::documentExitCodes);
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Option(
            names = "--connect-url",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "Kafka Connect's REST API (default from .env: http://$${CONNECT_HOST}:$${CONNECT_PORT}).")
    void connectUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s)://host[:port] URL");
            }
            this.connectUrl = uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '--connect-url': '" + url + "' is " + e.getReason());
        }
    }

    public PlatformEnv env() {
        if (env == null) {
            env = PlatformEnv.load(envFile, environment);
        }
        return env;
    }

    public TemplateCatalog catalog() {
        return TemplateCatalog.scan(connectorsDir);
    }

    /** The asked templates (all when none is asked), rendered; any problem fails before Connect is contacted. */
    public List<RenderedConnector> render(List<String> names) {
        TemplateCatalog catalog = catalog();
        List<RenderedConnector> connectors = new TemplateRenderer(env(), catalog).render(catalog.select(names));
        rendered.addAll(connectors);
        return connectors;
    }

    /** Masks the secrets of .env and of every connector rendered so far. */
    public JsonMasker masker() {
        return JsonMasker.of(env(), rendered);
    }

    public URI connectUrl() {
        return connectUrl != null ? connectUrl : URI.create(new PlatformEndpoints(env()).connectUrl());
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * A client that retries Connect's transient answers (a rebalance, a starting worker, no answer) for --timeout
     * ({@code patient}), or for at most {@link #BRIEF_RETRY} (a command that reports without waiting for a state).
     */
    public ConnectClient connect(boolean patient) {
        Duration retryFor = patient || timeout.compareTo(BRIEF_RETRY) < 0 ? timeout : BRIEF_RETRY;
        return new ConnectClient(connectUrl(), masker(), retryFor, out());
    }

    public RunningWaiter runningWaiter(ConnectClient client) {
        return new RunningWaiter(client, masker(), out(), timeout, settle);
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private int report(Exception e, PrintWriter err) {
        if (e instanceof CliFailure failure) {
            err.println("connect-init: " + failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof PlatformEnvException) {
            err.println("connect-init: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println("connect-init: unexpected error: " + (env == null ? trace : masker().maskText(trace.toString())));
        return ExitCode.INTERNAL;
    }
}
