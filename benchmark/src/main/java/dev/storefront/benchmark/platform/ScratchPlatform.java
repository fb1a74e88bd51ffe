package dev.storefront.benchmark.platform;

import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.ClassDataArchive;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.run.IsolatedPlatform;
import dev.storefront.contract.run.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh local platform for one benchmark run: an {@link IsolatedPlatform} (free ports, its own PLATFORM_DIR, so it
 * never touches a platform the user has up), started with `platform up --detach` and stopped with `down`, also when
 * the JVM is interrupted.
 */
public final class ScratchPlatform implements AutoCloseable {

    private final IsolatedPlatform platform;
    private boolean started;

    public ScratchPlatform(Path home, Path platformDir) {
        this.platform = IsolatedPlatform.create(home, platformDir);
    }

    /**
     * Stops what a previous, interrupted run (or this one's previous start) left in the scratch folder, deletes it, then
     * `platform up --detach`; returns the wall time of the `up` in seconds. A JVM shutdown (Ctrl-C) still stops it.
     */
    public double up() throws IOException, InterruptedException {
        if (platform.runState().isPresent()) {
            launcher("down");
        }
        platform.deleteDir();
        if (!started) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "bench-platform-down"));
        }
        started = true;
        long start = System.nanoTime();
        int exit = launcher("up", "--detach");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            // The launcher's own words (which component, why) travel into the report, not only into the console.
            String why = platform.runState()
                    .filter(state -> state.phase() == RunState.Phase.FAILED)
                    .map(state -> ": " + env().mask(state.message()))
                    .orElse("");
            throw new IllegalStateException(
                    "`platform up --detach` failed (exit " + exit + ")" + why + "; logs in " + logs());
        }
        return seconds;
    }

    /** Every component's log, one file each: where a failure's cause is. */
    public Path logs() {
        return platform.platformDir().resolve("logs");
    }

    /** `platform down`, once (close or the shutdown hook, whichever comes first). */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (!started) {
            return;
        }
        started = false;
        if (launcher("down") != 0) {
            System.err.println("`platform down` failed: see " + logs());
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException | InterruptedException e) {
            System.err.println("`platform down` failed: " + e);
        }
    }

    /** The components' PIDs from the launcher's run state. */
    public Map<String, Long> componentPids() {
        return platform.componentPids();
    }

    /**
     * The components that started without a class-data archive (they dump one at exit): the first start after a
     * build. Read from each process's command line.
     */
    public List<String> componentsWithoutClassData() throws IOException {
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, Long> component : componentPids().entrySet()) {
            Path cmdline = Path.of("/proc", component.getValue().toString(), "cmdline");
            if (Files.isReadable(cmdline)
                    && ClassDataArchive.dumps(List.of(Files.readString(cmdline).split("\0")))) {
                without.add(component.getKey());
            }
        }
        return without;
    }

    private int launcher(String... args) throws IOException, InterruptedException {
        System.out.println("$ platform " + String.join(" ", args) + "   (PLATFORM_DIR=" + platform.platformDir() + ")");
        return platform.launcherAttached(args);
    }

    /** `platform verify` against this platform: every output reconciled with PostgreSQL (exit 0 when all match). */
    public Result verify() {
        return launcher(Duration.ofMinutes(10), "verify");
    }

    /** A `platform` command against this platform, its output captured. */
    public Result launcher(Duration timeout, String... args) {
        return platform.launcher(Map.of(), timeout, args);
    }

    public PlatformEnv env() {
        return platform.env();
    }

    public Path home() {
        return platform.home();
    }

    public PlatformEndpoints endpoints() {
        return platform.endpoints();
    }

    public Connection database() throws SQLException {
        return endpoints().openDatabase(env().require(PlatformVariable.POSTGRES_DB));
    }
}
