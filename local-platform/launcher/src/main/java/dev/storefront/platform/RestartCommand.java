package dev.storefront.platform;

import dev.storefront.contract.ClosestName;
import dev.storefront.contract.cli.DurationText;
import dev.storefront.contract.run.RunState;
import dev.storefront.platform.lifecycle.Component;
import dev.storefront.platform.lifecycle.RestartRequests;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = {
            "Restart one component of the running platform gracefully, the way it stops cleanly (PostgreSQL with a "
                    + "fast shutdown, the Java components with SIGTERM), and wait until it is healthy again. "
                    + "The launcher that started the platform does it; the other components stay up and reconnect."
        })
final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    PlatformCli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMPONENT", description = "postgres, kafka, seeder, registry, connect or pipeline.")
    String component;

    @Option(
            names = "--timeout",
            description = "How long to wait for the restart (default: ${DEFAULT-VALUE}).",
            converter = DurationText.class)
    Duration timeout = Duration.ofMinutes(3);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Layout layout = cli.layout();
        List<String> restartable = PlatformComponents.create(layout).stream()
                .filter(c -> !c.isOneShot())
                .map(Component::name)
                .toList();
        if (!restartable.contains(component)) {
            err.println("restart: " + component + " is not a component that runs"
                    + ClosestName.suggestion(component, restartable) + "; one of: " + String.join(", ", restartable));
            return PlatformCli.USAGE;
        }
        return askLauncher(layout, "restart", component, timeout, out, err);
    }

    /**
     * Asks the running launcher to restart {@code component} (to start it, for an optional one that is off) and waits
     * for its answer, which it prints; returns the exit code. {@code command}: the `./platform` command asking.
     */
    static int askLauncher(
            Layout layout, String command, String component, Duration timeout, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Optional<RunState> state = RunState.read(layout.runDir()).filter(RunState::launcherAlive);
        if (state.isEmpty()) {
            err.println(command + ": the platform is not running here (`./platform up` starts it).");
            return PlatformCli.FAILED;
        }
        RestartRequests requests = new RestartRequests(layout.runDir());
        requests.request(component);
        out.println("Asked the launcher (pid " + state.get().launcherPid() + ") to "
                + (command.equals("restart") ? "restart " : "start ") + component + " ...");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> result = requests.result(component);
            out.flush();
            if (result.isPresent()) {
                out.println(result.get().replaceFirst("^(OK|FAILED): ", ""));
                return result.get().startsWith("OK") ? 0 : PlatformCli.FAILED;
            }
            if (RunState.read(layout.runDir()).filter(RunState::launcherAlive).isEmpty()) {
                err.println(command + ": the launcher stopped before it restarted " + component + ".");
                return PlatformCli.FAILED;
            }
            Thread.sleep(200);
        }
        err.println(command + ": " + component + " was not (re)started within " + timeout.toSeconds()
                + " s; see ./platform status and its log.");
        return PlatformCli.FAILED;
    }
}
