package dev.storefront.e2e.support;

import dev.storefront.env.PlatformEndpoints;
import dev.storefront.env.PlatformEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real local platform, started once per test run through its own command (`platform up --detach`) on free ports
 * with a fresh PLATFORM_DIR under target/, and stopped with `platform down` at the end. Tests share it and isolate
 * their scenarios by data, not by restarts.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final List<String> PORT_VARIABLES = List.of("POSTGRES_PORT", "SEEDER_PORT", "KAFKA_PORT",
            "KAFKA_CONTROLLER_PORT", "CONNECT_PORT", "APICURIO_PORT", "PIPELINE_PORT");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private final Path root;
    private final Map<String, String> overrides;
    private final PlatformEnv env;
    private final PlatformEndpoints endpoints;
    private String upOutput;

    private LocalPlatform(Path root, Map<String, String> overrides) {
        this.root = root;
        this.overrides = overrides;
        this.env = PlatformEnv.load(root.resolve(".env"), System.getenv()).with(overrides);
        this.endpoints = new PlatformEndpoints(env);
    }

    public static LocalPlatform start() {
        Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        Path platformDir = root.resolve("end-to-end-tests/target/platform");
        deleteTree(platformDir);
        LocalPlatform platform = new LocalPlatform(root, isolated(platformDir));
        platform.up();
        return platform;
    }

    /** Free ports for every component and its own PLATFORM_DIR: a platform that disturbs no other. */
    public static Map<String, String> isolated(Path platformDir) {
        Map<String, String> overrides = new HashMap<>();
        for (String variable : PORT_VARIABLES) {
            overrides.put(variable, String.valueOf(freePort()));
        }
        overrides.put("PLATFORM_DIR", platformDir.toString());
        return overrides;
    }

    /** `platform up --detach`; fails the run with the launcher's output if the platform does not come up. */
    public void up() {
        CommandResult result = platform("up", "--detach");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("The local platform did not start (exit " + result.exitCode() + "):\n"
                    + result.output());
        }
        upOutput = result.output();
    }

    public CommandResult down() {
        return platform("down");
    }

    /** Runs the launcher CLI (what `./platform` runs) with this platform's configuration. */
    public CommandResult platform(String... args) {
        return platform(Map.of(), args);
    }

    /** The launcher CLI with some variables changed for this one run. */
    public CommandResult platform(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar",
                root.resolve("local-platform/launcher/target/local-platform.jar").toString(), "--home", root.toString()));
        command.addAll(List.of(args));
        return run(command, extraEnv, START_TIMEOUT);
    }

    /** Runs connect-init with this platform's configuration plus {@code extraEnv}. */
    public CommandResult connectInit(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", root.resolve("connect-init/target/connect-init.jar").toString(),
                "--env-file", root.resolve(".env").toString()));
        command.addAll(List.of(args));
        return run(command, extraEnv, Duration.ofMinutes(5));
    }

    private CommandResult run(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        try {
            Path output = Files.createTempFile("platform-command", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(overrides);
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + command);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            System.out.println("$ " + String.join(" ", command.subList(1, command.size())) + "\n" + text);
            return new CommandResult(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record CommandResult(int exitCode, String output) {
    }

    public PlatformEnv env() {
        return env;
    }

    public Path root() {
        return root;
    }

    public String upOutput() {
        return upOutput;
    }

    public Connection storefrontDb() throws SQLException {
        return database(env.require("POSTGRES_DB"));
    }

    public Connection database(String name) throws SQLException {
        return endpoints.openDatabase(name);
    }

    public PlatformEndpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        CommandResult result = down();
        if (result.exitCode() != 0) {
            System.err.println("platform down failed:\n" + result.output());
        }
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

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
