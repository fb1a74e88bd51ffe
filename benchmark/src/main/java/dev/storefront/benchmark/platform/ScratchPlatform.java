package dev.storefront.benchmark.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.env.PlatformEndpoints;
import dev.storefront.env.PlatformEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh local platform for one benchmark run, started through the launcher (`platform up --detach`) on free
 * ports with its own PLATFORM_DIR, so it never touches a platform the user has up, and stopped with `down`.
 */
public final class ScratchPlatform implements AutoCloseable {

    private static final List<String> PORT_VARIABLES = List.of("POSTGRES_PORT", "SEEDER_PORT", "KAFKA_PORT",
            "KAFKA_CONTROLLER_PORT", "CONNECT_PORT", "APICURIO_PORT", "PIPELINE_PORT");

    private final Path home;
    private final Path platformDir;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final PlatformEnv env;
    private final PlatformEndpoints endpoints;
    private boolean started;

    public ScratchPlatform(Path home, Path platformDir) {
        this.home = home.toAbsolutePath().normalize();
        this.platformDir = platformDir.toAbsolutePath().normalize();
        for (String variable : PORT_VARIABLES) {
            overrides.put(variable, String.valueOf(freePort()));
        }
        overrides.put("PLATFORM_DIR", this.platformDir.toString());
        this.env = PlatformEnv.load(this.home.resolve(".env"), System.getenv()).with(overrides);
        this.endpoints = new PlatformEndpoints(env);
    }

    /**
     * Stops what a previous, interrupted run may have left in the scratch folder, deletes it, then
     * `platform up --detach`; returns the wall time of the `up` in seconds. A JVM shutdown (Ctrl-C) still stops it.
     */
    public double up() throws IOException, InterruptedException {
        if (Files.exists(platformDir.resolve("run/state.json"))) {
            launcher("down");
        }
        deleteTree(platformDir);
        started = true;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "bench-platform-down"));
        long start = System.nanoTime();
        int exit = launcher("up", "--detach");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("`platform up --detach` failed (exit " + exit + "); logs in "
                    + platformDir.resolve("logs"));
        }
        return seconds;
    }

    /** `platform down`, once (close or the shutdown hook, whichever comes first). */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (!started) {
            return;
        }
        started = false;
        if (launcher("down") != 0) {
            System.err.println("`platform down` failed: see " + platformDir.resolve("logs"));
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException | InterruptedException e) {
            System.err.println("`platform down` failed: " + e);
        }
    }

    /** The components' PIDs from the launcher's run state (PLATFORM_DIR/run/state.json). */
    public Map<String, Long> componentPids() throws IOException {
        JsonNode state = new ObjectMapper().readTree(platformDir.resolve("run/state.json").toFile());
        Map<String, Long> pids = new LinkedHashMap<>();
        for (JsonNode component : state.path("components")) {
            if (component.hasNonNull("pid")) {
                pids.put(component.get("name").asText(), component.get("pid").asLong());
            }
        }
        return pids;
    }

    private int launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar",
                home.resolve("local-platform/launcher/target/local-platform.jar").toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        System.out.println("$ platform " + String.join(" ", args) + "   (PLATFORM_DIR=" + platformDir + ")");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).inheritIO();
        builder.environment().putAll(overrides);
        return builder.start().waitFor();
    }

    public PlatformEnv env() {
        return env;
    }

    public Path home() {
        return home;
    }

    public PlatformEndpoints endpoints() {
        return endpoints;
    }

    public Connection database() throws SQLException {
        return endpoints.openDatabase(env.require("POSTGRES_DB"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
