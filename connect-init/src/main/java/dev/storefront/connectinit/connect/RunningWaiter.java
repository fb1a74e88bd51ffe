package dev.storefront.connectinit.connect;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.DurationText;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.secret.SecretMasker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits until a connector and all its tasks are RUNNING, printing each state change. Connect reports
 * state changes asynchronously: right after a config change or a restart it may still show the previous
 * run's RUNNING or FAILED state. So after a change RUNNING counts once it has held for {@code settle}, and
 * FAILED, PAUSED or STOPPED count once they have held for {@code settle}.
 */
public final class RunningWaiter {

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConnectClient client;
    private final SecretMasker masker;
    private final PrintWriter out;
    private final Duration timeout;
    private final Duration settle;

    public RunningWaiter(ConnectClient client, SecretMasker masker, PrintWriter out, Duration timeout,
            Duration settle) {
        this.client = client;
        this.masker = masker;
        this.out = out;
        this.timeout = timeout;
        this.settle = settle;
    }

    /** {@code changed}: the connector was just created, updated or restarted. */
    public void await(String name, boolean changed) {
        Deadline deadline = Deadline.in(timeout);
        String lastSummary = null;
        Deadline runningUntil = null;
        Deadline stuckUntil = null;
        while (true) {
            Optional<ConnectorStatus> status = client.status(name);
            String summary = status.map(ConnectorStatus::summary).orElse("not registered yet");
            if (!summary.equals(lastSummary)) {
                out.println(name + ": " + summary);
                out.flush();
                lastSummary = summary;
            }
            boolean running = status.isPresent() && status.get().running();
            runningUntil = !running ? null : runningUntil != null ? runningUntil : Deadline.in(settle);
            if (running && (!changed || runningUntil.passed() || deadline.passed())) {
                return;
            }
            boolean stuck = status.isPresent() && (status.get().failed() || status.get().halted());
            stuckUntil = !stuck ? null : stuckUntil != null ? stuckUntil : Deadline.in(settle);
            if (stuck && (stuckUntil.passed() || deadline.passed())) {
                throw stuckFailure(status.get());
            }
            if (deadline.passed()) {
                throw new CliFailure(ExitCode.TIMEOUT, name + " is not RUNNING after " + DurationText.format(timeout)
                        + " (last: " + summary + "). Check the Connect worker's log, or raise --timeout.");
            }
            deadline.sleep(POLL);
        }
    }

    private CliFailure stuckFailure(ConnectorStatus status) {
        if (status.failed()) {
            return new CliFailure(ExitCode.NOT_RUNNING, status.name() + " FAILED (" + status.summary() + "):\n"
                    + masker.maskText(status.failureReport()).stripTrailing()
                    + "\nFix the cause, then run `restart " + status.name() + "` (or `apply` after a config change).");
        }
        return new CliFailure(ExitCode.NOT_RUNNING, status.name() + " is " + status.state()
                + " (someone paused or stopped it): resume it with PUT /connectors/" + status.name() + "/resume");
    }
}
