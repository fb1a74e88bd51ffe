package dev.storefront.connectinit.connect;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.secret.JsonMasker;
import dev.storefront.contract.cli.DurationText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits until a connector and all its tasks are RUNNING, printing each state change. Connect reports
 * state changes asynchronously: right after a config change or a restart it may still show the previous
 * run's RUNNING or FAILED state. So after a change RUNNING counts once it is seen on two polls in a row, the second
 * {@code settle} or more after the change (tasks that take that long to start cost no extra wait; a task that dies
 * right after starting is caught), and FAILED, PAUSED or STOPPED count once they have held for {@code settle}.
 * Several connectors are waited for together: after a fresh start, three settle times in a row would add seconds to
 * every start.
 */
public final class RunningWaiter {

    /** Short: this wait ends every fresh start (the platform is up when it returns), and a poll is a few small GETs. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final ConnectClient client;
    private final JsonMasker masker;
    private final PrintWriter out;
    private final Duration timeout;
    private final Duration settle;

    public RunningWaiter(ConnectClient client, JsonMasker masker, PrintWriter out, Duration timeout, Duration settle) {
        this.client = client;
        this.masker = masker;
        this.out = out;
        this.timeout = timeout;
        this.settle = settle;
    }

    /**
     * Waits for all of them together, so that their settle times overlap; fails on the first that is stuck.
     * {@code changed}: for each connector, whether it was just created, updated or restarted (in print order).
     */
    public void await(Map<String, Boolean> changed) {
        Deadline deadline = Deadline.in(timeout);
        List<Watch> pending = new ArrayList<>();
        changed.forEach((name, wasChanged) -> pending.add(new Watch(name, wasChanged)));
        while (true) {
            for (Iterator<Watch> it = pending.iterator(); it.hasNext(); ) {
                if (it.next().poll(deadline)) {
                    it.remove();
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (deadline.passed()) {
                throw new CliFailure(
                        ExitCode.TIMEOUT,
                        "Not RUNNING after " + DurationText.format(timeout) + ": "
                                + String.join(
                                        ", ",
                                        pending.stream()
                                                .map(w -> w.name + " (last: " + w.lastSummary + ")")
                                                .toList())
                                + ". Check the Connect worker's log, or raise --timeout.");
            }
            deadline.sleep(POLL);
        }
    }

    /** One connector's wait: the state it was last seen in, and since when it has held. */
    private final class Watch {
        private final String name;
        private final boolean changed;
        private final Deadline believedFrom;
        private String lastSummary;
        private boolean wasRunning;
        private Deadline stuckUntil;

        Watch(String name, boolean changed) {
            this.name = name;
            this.changed = changed;
            this.believedFrom = Deadline.in(settle);
        }

        /** True once RUNNING is believed; throws once a failed or halted state is. */
        boolean poll(Deadline deadline) {
            Optional<ConnectorStatus> status = client.status(name);
            String summary = status.map(ConnectorStatus::summary).orElse("not registered yet");
            if (!summary.equals(lastSummary)) {
                out.println(name + ": " + summary);
                out.flush();
                lastSummary = summary;
            }
            boolean running = status.isPresent() && status.get().running();
            boolean held = running && wasRunning;
            wasRunning = running;
            if (running && (!changed || (held && believedFrom.passed()) || deadline.passed())) {
                return true;
            }
            boolean stuck =
                    status.isPresent() && (status.get().failed() || status.get().halted());
            stuckUntil = !stuck ? null : stuckUntil != null ? stuckUntil : Deadline.in(settle);
            if (stuck && (stuckUntil.passed() || deadline.passed())) {
                throw stuckFailure(status.get());
            }
            return false;
        }
    }

    private CliFailure stuckFailure(ConnectorStatus status) {
        if (status.failed()) {
            return new CliFailure(
                    ExitCode.NOT_RUNNING,
                    status.name() + " FAILED (" + status.summary() + "):\n"
                            + masker.maskText(status.failureReport()).stripTrailing()
                            + "\nFix the cause, then run `restart " + status.name()
                            + "` (or `apply` after a config change).");
        }
        return new CliFailure(
                ExitCode.NOT_RUNNING,
                status.name() + " is " + status.state()
                        + " (someone paused or stopped it): resume it with PUT /connectors/" + status.name()
                        + "/resume");
    }
}
