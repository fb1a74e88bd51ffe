package dev.storefront.platform.lifecycle;

import dev.storefront.platform.process.Probes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Starts components as soon as their dependencies are healthy (independent ones in parallel, which keeps the
 * cold start short on 2 cores), and stops them in reverse dependency order. The first failure stops everything.
 */
public final class Platform {

    private final List<Component> components;
    private final Consumer<String> out;
    /** A platform starts once: after {@link #stop()} nothing of it starts again. */
    private final Starts starts = new Starts();

    public Platform(List<Component> components, Consumer<String> out) {
        this.components = List.copyOf(components);
        this.out = out;
        Set<String> seen = new HashSet<>();
        for (Component component : components) {
            for (String dependency : component.dependsOn()) {
                if (!seen.contains(dependency)) {
                    throw new IllegalStateException(
                            component.name() + " depends on " + dependency + ", which must be declared before it");
                }
            }
            for (String used : component.usesWhileRunning()) {
                if (!seen.contains(used)) {
                    throw new IllegalStateException(
                            component.name() + " uses " + used + ", which must be declared before it");
                }
            }
            seen.add(component.name());
        }
    }

    public List<Component> components() {
        return components;
    }

    /** Fails before starting anything if a port is taken, naming the .env variable that sets it. */
    private void checkPortsFree(Set<String> optional) throws ComponentFailure {
        for (Component component : components) {
            if (!startsWith(component, optional)) {
                continue;
            }
            for (Component.PortClaim claim : component.ports()) {
                if (!Probes.portFree(claim.host(), claim.port())) {
                    throw new ComponentFailure(
                            component.name(),
                            "port " + claim.port() + " (" + claim.variable()
                                    + ") is already in use: stop what uses it, or set " + claim.variable()
                                    + " to another port in .env",
                            null);
                }
            }
        }
    }

    /** Starts every component that is not optional. */
    public void start() throws ComponentFailure, InterruptedException {
        start(Set.of());
    }

    /** Starts every component that is not optional, and the optional ones named in {@code optional}. */
    public void start(Set<String> optional) throws ComponentFailure, InterruptedException {
        checkPortsFree(optional);
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "start");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        try {
            for (Component component : components) {
                CompletableFuture<?>[] dependencies =
                        component.dependsOn().stream().map(started::get).toArray(CompletableFuture[]::new);
                CompletableFuture<Void> future = startsWith(component, optional)
                        ? CompletableFuture.allOf(dependencies).thenRunAsync(() -> starts.run(component), pool)
                        : CompletableFuture.completedFuture(null);
                future.whenComplete((ok, error) -> {
                    if (error != null) {
                        firstFailure.completeExceptionally(error);
                    }
                });
                started.put(component.name(), future);
            }
            CompletableFuture<Void> all =
                    CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new));
            CompletableFuture.anyOf(all, firstFailure).get();
        } catch (ExecutionException e) {
            stop();
            throw asFailure(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The starts under way. A start may launch its process after {@link #stop()} has passed its component by (the
     * pipeline, once the registry is healthy, beside a seeder that fails; any start, or the supervisor's restart, when
     * `down` comes), so stopping first lets none begin, interrupts those waiting and waits for them to end.
     */
    private final class Starts {
        private final Set<Thread> running = new HashSet<>();
        private boolean aborted;

        void run(Component component) {
            if (!enter()) {
                throw new CompletionException(new ComponentFailure(component.name(), "not started", null));
            }
            try {
                startOne(component);
            } finally {
                leave();
            }
        }

        /** False once stopping: nothing may start any more. */
        synchronized boolean enter() {
            if (!aborted) {
                running.add(Thread.currentThread());
            }
            return !aborted;
        }

        synchronized void leave() {
            running.remove(Thread.currentThread());
            Thread.interrupted(); // an abort's interrupt must not reach what this thread does next
            notifyAll();
        }

        synchronized void abort() {
            aborted = true;
            running.forEach(Thread::interrupt);
            boolean interrupted = false;
            while (!running.isEmpty()) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts one component again (the supervisor's restarts), unless the platform is stopping. */
    public void startAgain(Component component) throws ComponentFailure, InterruptedException {
        if (!starts.enter()) {
            throw new ComponentFailure(component.name(), "not started: the platform is stopping", null);
        }
        try {
            component.start();
        } finally {
            starts.leave();
        }
    }

    private static boolean startsWith(Component component, Set<String> optional) {
        return !component.isOptional() || optional.contains(component.name());
    }

    private void startOne(Component component) {
        long begin = System.nanoTime();
        out.accept(String.format("  starting %s ...", component.name()));
        try {
            component.start();
        } catch (ComponentFailure e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(new ComponentFailure(component.name(), "interrupted", component.logFile()));
        } catch (RuntimeException e) {
            throw new CompletionException(
                    new ComponentFailure(component.name(), String.valueOf(e.getMessage()), component.logFile(), e));
        }
        out.accept(String.format(
                "  %-13s %s (%.1f s)",
                component.name(), component.isOneShot() ? "done" : "healthy", (System.nanoTime() - begin) / 1e9));
    }

    private static ComponentFailure asFailure(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ComponentFailure failure) {
            return failure;
        }
        return new ComponentFailure("platform", String.valueOf(cause), null, cause);
    }

    /**
     * Stops every component once all that use it have stopped (Connect before Kafka and PostgreSQL, everything before
     * PostgreSQL); independent ones stop in parallel, as they started. One stop at a time: a second (a failed start's
     * beside `down`'s) finds nothing left to stop.
     */
    public synchronized void stop() {
        starts.abort();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stop");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, CompletableFuture<Void>> stopped = new LinkedHashMap<>();
        try {
            List<Component> reversed = new ArrayList<>(components);
            Collections.reverse(reversed);
            for (Component component : reversed) {
                CompletableFuture<?>[] users = components.stream()
                        .filter(other -> other.usesWhileRunning().contains(component.name()))
                        .map(other -> stopped.get(other.name()))
                        .toArray(CompletableFuture[]::new);
                stopped.put(
                        component.name(),
                        CompletableFuture.allOf(users).handleAsync((ok, error) -> stopOne(component), pool));
            }
            CompletableFuture.allOf(stopped.values().toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            pool.shutdownNow();
        }
    }

    private Void stopOne(Component component) {
        if (component.pid().isEmpty()) {
            component.stop();
            return null;
        }
        long begin = System.nanoTime();
        out.accept("  stopping " + component.name());
        boolean graceful;
        try {
            graceful = component.stop();
        } catch (RuntimeException e) {
            out.accept("  could not stop " + component.name() + ": " + e.getMessage());
            return null;
        }
        out.accept(String.format(
                "  %-13s %s (%.1f s)",
                component.name(),
                graceful ? "stopped" : "did not stop in time and was KILLED",
                (System.nanoTime() - begin) / 1e9));
        return null;
    }
}
