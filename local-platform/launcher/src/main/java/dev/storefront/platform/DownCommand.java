package dev.storefront.platform;

import dev.storefront.contract.run.RunState;
import dev.storefront.contract.run.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = {
            "Stop a running platform cleanly: the launcher stops its components in reverse dependency "
                    + "order (Connect before Kafka, PostgreSQL last). Data is kept; `./platform reset` wipes it."
        })
final class DownCommand implements Callable<Integer> {

    /** The launcher stops up to seven components, each with a 30 s grace period. */
    private static final Duration LAUNCHER_GRACE = Duration.ofMinutes(4);

    private static final Duration COMPONENT_GRACE = Duration.ofSeconds(30);

    @ParentCommand
    PlatformCli cli;

    @Override
    public Integer call() {
        Layout layout = cli.layout();
        Optional<RunState> state = RunState.read(layout.runDir());
        if (state.isPresent() && state.get().launcherAlive()) {
            long pid = state.get().launcherPid();
            System.out.println("Stopping the platform (launcher pid " + pid + ") ...");
            boolean graceful = ProcessHandle.of(pid)
                    .map(h -> Signals.terminate(h, LAUNCHER_GRACE))
                    .orElse(true);
            if (!graceful) {
                System.err.println("The launcher did not stop in time and was killed; stopping what it left.");
            }
        }
        int leftovers = stopLeftovers(layout, state);
        System.out.println(leftovers == 0 && state.isEmpty() ? "The platform is not running." : "Stopped.");
        return 0;
    }

    /** Components whose launcher died (killed, crashed) are stopped by PID, dependents first. */
    private static int stopLeftovers(Layout layout, Optional<RunState> state) {
        List<Long> pids = new ArrayList<>();
        state.ifPresent(s -> s.components().stream()
                .map(RunState.Entry::pid)
                .filter(p -> p != null)
                .forEach(pids::add));
        postmasterPid(layout).ifPresent(pid -> {
            if (!pids.contains(pid)) {
                pids.add(0, pid);
            }
        });
        Collections.reverse(pids);
        int stopped = 0;
        for (Long pid : pids) {
            Optional<ProcessHandle> handle =
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(DownCommand::ours);
            if (handle.isPresent()) {
                System.out.println("  stopping leftover process " + pid);
                Signals.terminate(handle.get(), COMPONENT_GRACE);
                stopped++;
            }
        }
        return stopped;
    }

    /** Only a java or postgres process may be a component of ours: a recycled PID of anything else is left alone. */
    private static boolean ours(ProcessHandle handle) {
        String command = handle.info().command().orElse("");
        return command.endsWith("java") || command.endsWith("postgres");
    }

    private static Optional<Long> postmasterPid(Layout layout) {
        Path pidFile = layout.dataDir("postgres").resolve("postmaster.pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(
                            Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
