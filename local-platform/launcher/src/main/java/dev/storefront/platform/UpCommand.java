package dev.storefront.platform;

import dev.storefront.contract.PlatformEnvException;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.ClassDataArchive;
import dev.storefront.contract.run.IsolatedPlatform;
import dev.storefront.contract.run.RunState;
import dev.storefront.contract.run.RunState.Phase;
import dev.storefront.platform.lifecycle.Component;
import dev.storefront.platform.lifecycle.ComponentFailure;
import dev.storefront.platform.lifecycle.Platform;
import dev.storefront.platform.lifecycle.RestartBudget;
import dev.storefront.platform.lifecycle.RestartRequests;
import dev.storefront.platform.lifecycle.Supervisor;
import dev.storefront.platform.process.ChildProcess;
import dev.storefront.platform.process.Probes;
import dev.storefront.platform.sql.FlinkSqlComponent;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Start every component in dependency order with health checks, then print where each one is.",
            "In the foreground until Ctrl-C (which stops everything cleanly), or with --detach in the background "
                    + "until `./platform down`. If a component fails to start, it is named, the end of its log is "
                    + "shown and the others are stopped."
        })
final class UpCommand implements Callable<Integer> {

    private static final Duration DETACHED_START_TIMEOUT = Duration.ofMinutes(6);
    private static final int TAIL_LINES = 40;

    @ParentCommand
    PlatformCli cli;

    @Option(
            names = {"-d", "--detach"},
            description = "Start in the background and return once every component is healthy.")
    boolean detach;

    @Option(
            names = "--sql",
            description = "Also start the SQL layer (a Flink mini-cluster for `./platform sql`); off by default, "
                    + "`./platform sql` starts it on a running platform when asked.")
    boolean sql;

    @Override
    public Integer call() throws Exception {
        Layout layout = cli.layout();
        String bindAddress = layout.env().require(PlatformVariable.BIND_ADDRESS);
        if (!Probes.localAddress(bindAddress)) {
            // Otherwise the first listener to start fails with "port in use", naming no culprit.
            throw new PlatformEnvException(PlatformVariable.BIND_ADDRESS.name() + "=" + bindAddress
                    + " is not an address of this machine, so no component could listen on it: set it in .env to"
                    + " 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, on purpose)");
        }
        List<String> missing = layout.missingBuildOutputs();
        if (!missing.isEmpty()) {
            System.err.println("Build outputs are missing:\n  " + String.join("\n  ", missing)
                    + "\nBuild them with `./mvnw -DskipTests package` (the ./platform script does it for you).");
            return PlatformCli.FAILED;
        }
        Optional<RunState> previous = RunState.read(layout.runDir());
        if (previous.isPresent()
                && previous.get().launcherAlive()
                && previous.get().phase() != Phase.STOPPED) {
            System.err.println("The platform is already running (launcher pid "
                    + previous.get().launcherPid() + "): see `./platform status`, or stop it with `./platform down`.");
            return PlatformCli.FAILED;
        }
        return detach ? startDetached(layout) : runInForeground(layout);
    }

    private int runInForeground(Layout layout) throws InterruptedException {
        List<Component> components = PlatformComponents.create(layout);
        Platform platform = new Platform(components, System.out::println);
        System.out.println("Starting the storefront CDC platform (data and logs in "
                + StatusTable.relative(layout.home(), layout.platformDir()) + ") ...");
        Instant begin = Instant.now();
        RunState.now(Phase.STARTING, "starting", List.of()).write(layout.runDir());
        new RestartRequests(layout.runDir()).clear();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread stopper = new Thread(
                () -> {
                    stopping.set(true);
                    System.out.println("Stopping the storefront CDC platform ...");
                    RunState.now(Phase.STOPPING, "stopping", entries(layout, components))
                            .write(layout.runDir());
                    platform.stop();
                    RunState.now(Phase.STOPPED, "stopped", List.of()).write(layout.runDir());
                    System.out.println("Stopped.");
                },
                "platform-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            platform.start(optionalOn());
        } catch (ComponentFailure failure) {
            if (stopping.get()) {
                return PlatformCli.FAILED; // stopped while starting: the stop hook reports it
            }
            String message = "could not start " + failure.getMessage();
            System.err.println();
            System.err.println("FAILED: " + message);
            if (failure.logFile() != null) {
                System.err.println(
                        "--- last lines of " + StatusTable.relative(layout.home(), failure.logFile()) + " ---");
                failure.logTail(TAIL_LINES)
                        .forEach(line -> System.err.println(layout.env().mask(line)));
                System.err.println("---");
            }
            System.err.println("The other components were stopped.");
            RunState.now(Phase.FAILED, message, List.of()).write(layout.runDir());
            Runtime.getRuntime().removeShutdownHook(stopper);
            return PlatformCli.FAILED;
        }
        List<RunState.Entry> entries = entries(layout, components);
        System.out.printf(
                "%nThe storefront CDC platform is up (%.1f s):%n",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        StatusTable.print(System.out, rows(components, entries));
        System.out.println("\nCtrl-C here, or `./platform down` elsewhere, stops it.");
        System.out.flush();
        // Only now: `up --detach` stops copying this output once it reads UP, so the table must be written first.
        RunState.now(Phase.UP, "up", entries).write(layout.runDir());
        new Supervisor(
                        platform,
                        optionalOn(),
                        line -> System.out.println(layout.env().mask(line)),
                        () -> RunState.now(Phase.UP, "up", entries(layout, components))
                                .write(layout.runDir()),
                        new RestartRequests(layout.runDir()),
                        layout.endpoints().connectUrl(),
                        RestartBudget.standard(),
                        RestartBudget.forConnectors())
                .watch(stopping);
        return 0;
    }

    private Set<String> optionalOn() {
        return sql ? Set.of(FlinkSqlComponent.NAME) : Set.of();
    }

    private static List<StatusTable.Row> rows(List<Component> components, List<RunState.Entry> entries) {
        List<StatusTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            RunState.Entry entry = entries.get(i);
            rows.add(new StatusTable.Row(
                    entry.name(),
                    StatusTable.startedState(components.get(i), entry.pid() != null),
                    entry.pid() == null ? "-" : String.valueOf(entry.pid()),
                    entry.endpoint(),
                    entry.log()));
        }
        return rows;
    }

    static List<RunState.Entry> entries(Layout layout, List<Component> components) {
        return components.stream()
                .map(c -> new RunState.Entry(
                        c.name(),
                        c.pid().isPresent() ? c.pid().getAsLong() : null,
                        c.endpoint(),
                        StatusTable.relative(layout.home(), c.logFile())))
                .toList();
    }

    /** Runs `up` as a detached launcher process, follows its log, and returns once it is up or has failed. */
    private int startDetached(Layout layout) throws IOException, InterruptedException {
        Path log = layout.logFile("launcher");
        long offset = log.toFile().length();
        List<String> plain = sql
                ? IsolatedPlatform.launcherCommand(layout.home(), "up", "--sql")
                : IsolatedPlatform.launcherCommand(layout.home(), "up");
        // The launcher's commands left an archive of its classes (IsolatedPlatform): map it; this long-running JVM's
        // own end is waited for by no one, so it never makes one.
        List<String> command = ClassDataArchive.forCommand(layout.classDataDir(), "launcher", plain)
                .map(archive -> archive.applyExisting(plain))
                .orElse(plain);
        ChildProcess launcher = ChildProcess.start("launcher", command, Map.of(), layout.home(), log);
        Instant deadline = Instant.now().plus(DETACHED_START_TIMEOUT);
        while (true) {
            offset = follow(log, offset);
            Optional<RunState> state = RunState.read(layout.runDir());
            if (state.isPresent() && state.get().launcherPid() == launcher.pid()) {
                if (state.get().phase() == Phase.UP) {
                    follow(log, offset);
                    System.out.println("Running in the background (launcher pid " + launcher.pid() + ", log "
                            + StatusTable.relative(layout.home(), log) + "); `./platform down` stops it.");
                    return 0;
                }
                if (state.get().phase() == Phase.FAILED) {
                    follow(log, offset);
                    return PlatformCli.FAILED;
                }
            }
            if (!launcher.isAlive()) {
                follow(log, offset);
                System.err.println(
                        "The launcher exited with code " + launcher.exitCode().orElse(-1));
                return PlatformCli.FAILED;
            }
            if (Instant.now().isAfter(deadline)) {
                System.err.println("The platform did not come up within " + DETACHED_START_TIMEOUT.toMinutes()
                        + " minutes; stopping it.");
                launcher.stop(Duration.ofMinutes(2));
                return PlatformCli.FAILED;
            }
            Thread.sleep(100);
        }
    }

    /** Prints what was appended to {@code log} since {@code offset}; returns the new offset. */
    private static long follow(Path log, long offset) throws IOException {
        if (!log.toFile().exists()) {
            return offset;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return offset;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            System.out.print(new String(bytes, StandardCharsets.UTF_8));
            System.out.flush();
            return length;
        }
    }
}
