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

    public Platform(List<Component> components, Consumer<String> out) {
        this.components = List.copyOf(components);
        this.out = out;
        Set<String> seen = new HashSet<>();
        for (Component component : components) {
            for (String dependency : component.dependsOn()) {
                if (!seen.contains(dependency)) {
                    throw new IllegalStateException(component.name() + " depends on " + dependency
                            + ", which must be declared before it");
                }
            }
            seen.add(component.name());
        }
    }

    public List<Component> components() {
        return components;
    }

    /** Fails before starting anything if a port is taken, naming the .env variable that sets it. */
    public void checkPortsFree() throws ComponentFailure {
        for (Component component : components) {
            for (Component.PortClaim claim : component.ports()) {
                if (!Probes.portFree(claim.host(), claim.port())) {
                    throw new ComponentFailure(component.name(), "port " + claim.port() + " (" + claim.variable()
                            + ") is already in use: stop what uses it, or set " + claim.variable()
                            + " to another port in .env", null);
                }
            }
        }
    }

    public void start() throws ComponentFailure, InterruptedException {
        checkPortsFree();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "start");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        try {
            for (Component component : components) {
                CompletableFuture<?>[] dependencies = component.dependsOn().stream()
                        .map(started::get).toArray(CompletableFuture[]::new);
                CompletableFuture<Void> future = CompletableFuture.allOf(dependencies)
                        .thenRunAsync(() -> startOne(component), pool);
                future.whenComplete((ok, error) -> {
                    if (error != null) {
                        firstFailure.completeExceptionally(error);
                    }
                });
                started.put(component.name(), future);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new));
            CompletableFuture.anyOf(all, firstFailure).get();
        } catch (ExecutionException e) {
            stop();
            throw asFailure(e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
            throw new CompletionException(new ComponentFailure(component.name(), String.valueOf(e.getMessage()),
                    component.logFile(), e));
        }
        out.accept(String.format("  %-13s %s (%.1f s)", component.name(),
                component.isOneShot() ? "done" : "healthy", (System.nanoTime() - begin) / 1e9));
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

    /** Stops every component, dependents first (Connect before Kafka, everything before PostgreSQL). */
    public void stop() {
        List<Component> reversed = new ArrayList<>(components);
        Collections.reverse(reversed);
        for (Component component : reversed) {
            if (component.pid().isPresent()) {
                out.accept("  stopping " + component.name());
            }
            component.stop();
        }
    }
}
