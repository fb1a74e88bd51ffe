package dev.storefront.platform.lifecycle;

import dev.storefront.contract.connect.ConnectorStates;
import dev.storefront.platform.process.LogTail;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches the started platform and heals it, as compose's {@code restart: unless-stopped} and a Connect operator would:
 * <ul>
 *   <li>a component that dies (a crash, a {@code kill -9}) is reported with the end of its log and started again, so
 *       PostgreSQL recovers from its WAL and the pipeline resumes from its state;</li>
 *   <li>a connector or task that Connect reports FAILED (a JDBC sink after PostgreSQL went away; Connect never restarts
 *       one by itself) is restarted once every component is up again;</li>
 *   <li>{@code ./platform restart NAME} requests are carried out: a graceful stop, then a start; for an optional
 *       component that is off (the SQL layer), the request starts it, and from then on it is watched like the
 *       others.</li>
 * </ul>
 * Restarts the launcher decides on are limited by a {@link RestartBudget} per component and a larger one per
 * connector: a component that dies at every start is left stopped. Requested restarts are not counted.
 */
public final class Supervisor {

    private static final long POLL_MILLIS = 1000;
    /** Connect is asked for FAILED tasks every few polls: a task restart is no emergency, the REST call is not free. */
    private static final int CONNECTOR_CHECK_EVERY = 5;

    private final Platform platform;
    private final List<Component> components;
    private final Consumer<String> out;
    private final Runnable onRestart;
    private final RestartRequests requests;
    private final String connectUrl;
    private final RestartBudget budget;
    private final RestartBudget connectorBudget;
    private final Set<String> givenUp = new HashSet<>();
    /** The optional components started so far; the others are off, not down. */
    private final Set<String> switchedOn;

    /** {@code switchedOn}: the optional components the platform was started with. */
    public Supervisor(
            Platform platform,
            Set<String> switchedOn,
            Consumer<String> out,
            Runnable onRestart,
            RestartRequests requests,
            String connectUrl,
            RestartBudget budget,
            RestartBudget connectorBudget) {
        this.platform = platform;
        this.components = platform.components();
        this.switchedOn = new HashSet<>(switchedOn);
        this.out = out;
        this.onRestart = onRestart;
        this.requests = requests;
        this.connectUrl = connectUrl;
        this.budget = budget;
        this.connectorBudget = connectorBudget;
    }

    /** Runs until {@code stopping} is set (by the shutdown hook, whose stop interrupts a restart under way). */
    public void watch(AtomicBoolean stopping) throws InterruptedException {
        try {
            heal(stopping);
        } catch (InterruptedException e) {
            if (!stopping.get()) {
                throw e;
            }
        }
    }

    private void heal(AtomicBoolean stopping) throws InterruptedException {
        for (int poll = 1; !stopping.get(); poll++) {
            Thread.sleep(POLL_MILLIS);
            for (String name : requests.pending()) {
                if (stopping.get()) {
                    return;
                }
                restartRequested(name);
            }
            for (Component component : components) {
                if (stopping.get()) {
                    return;
                }
                if (watched(component) && component.pid().isEmpty()) {
                    recover(component);
                }
            }
            if (poll % CONNECTOR_CHECK_EVERY == 0 && allRunning()) {
                restartFailedConnectors();
            }
        }
    }

    private boolean watched(Component component) {
        return !component.isOneShot() && (!component.isOptional() || switchedOn.contains(component.name()));
    }

    private boolean allRunning() {
        return components.stream().allMatch(c -> !watched(c) || c.pid().isPresent());
    }

    private void recover(Component component) throws InterruptedException {
        if (givenUp.contains(component.name())) {
            return;
        }
        if (!budget.take(component.name())) {
            givenUp.add(component.name());
            out.accept("WARNING: " + component.name() + " has stopped again after " + budget.describe()
                    + " restarts: leaving it stopped (`./platform restart " + component.name() + "` tries again).");
            return;
        }
        out.accept("WARNING: " + component.name() + " has stopped; last lines of its log:");
        LogTail.lastLines(component.logFile(), 15).forEach(line -> out.accept("  " + line));
        out.accept("Restarting " + component.name() + " (" + budget.used(component.name()) + " of at most "
                + budget.describe() + ") ...");
        try {
            platform.startAgain(component);
            out.accept(component.name() + " is healthy again (pid "
                    + component.pid().orElse(-1) + ").");
            onRestart.run();
        } catch (ComponentFailure | RuntimeException failure) {
            // A failed restart counts against the budget; it must never end the supervision of the others.
            out.accept("Restarting " + component.name() + " failed: " + failure.getMessage());
        }
    }

    private void restartRequested(String name) throws InterruptedException {
        Component component = components.stream()
                .filter(c -> c.name().equals(name) && !c.isOneShot())
                .findFirst()
                .orElse(null);
        if (component == null) {
            requests.done(name, "FAILED: no component " + name);
            return;
        }
        givenUp.remove(name);
        boolean off = !watched(component);
        out.accept(
                off
                        ? "Starting " + name + " as requested ..."
                        : "Restarting " + name + " as requested: stopping it gracefully ...");
        long started = System.nanoTime();
        boolean graceful = off || component.stop();
        try {
            platform.startAgain(component);
            switchedOn.add(name);
            String result = "OK: " + name + (off ? " started" : " restarted")
                    + (graceful ? "" : " (it had to be killed to stop)") + " and healthy in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms (pid "
                    + component.pid().orElse(-1) + ")";
            out.accept(result.substring(4) + ".");
            onRestart.run();
            requests.done(name, result);
        } catch (ComponentFailure | RuntimeException failure) {
            out.accept("Restarting " + name + " failed: " + failure.getMessage());
            requests.done(name, "FAILED: " + failure.getMessage());
        }
    }

    private void restartFailedConnectors() {
        for (String connector : ConnectorStates.failed(connectUrl)) {
            String key = "connector " + connector;
            if (!connectorBudget.take(key)) {
                continue;
            }
            boolean accepted = ConnectorStates.restartFailed(connectUrl, connector);
            out.accept("WARNING: connector " + connector + " has a FAILED task; "
                    + (accepted ? "asked Connect to restart it" : "Connect did not accept its restart") + " ("
                    + connectorBudget.used(key) + " of at most " + connectorBudget.describe() + ").");
        }
    }
}
