package dev.storefront.contract.run;

import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A local platform of its own, driven through the launcher's command line as a user would: every local port moved to
 * a free one and its own PLATFORM_DIR, so it disturbs no other platform on the machine. The benchmark and the
 * end-to-end tests start theirs through this handle and read the launcher's run state with {@link RunState}.
 */
public final class IsolatedPlatform {

    /** The launcher's jar, as the build leaves it under the repository root. */
    public static final String LAUNCHER_JAR = "local-platform/launcher/target/local-platform.jar";

    /**
     * The launcher's JVM options (`./platform` passes the same): the quick C1 compiler alone, since the launcher mostly
     * waits and its commands end before C2 would pay off.
     */
    public static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    private final Path home;
    private final Path platformDir;
    private final Map<String, String> overrides;
    private final PlatformEnv env;
    private final PlatformEndpoints endpoints;

    private IsolatedPlatform(Path home, Path platformDir, Map<String, String> overrides) {
        this.home = home;
        this.platformDir = platformDir;
        this.overrides = Map.copyOf(overrides);
        this.env = PlatformEnv.load(home.resolve(".env"), System.getenv()).with(overrides);
        this.endpoints = new PlatformEndpoints(env);
    }

    /** A platform of the repository at {@code home}, on free ports, with its data in {@code platformDir}. */
    public static IsolatedPlatform create(Path home, Path platformDir) {
        Path dir = platformDir.toAbsolutePath().normalize();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (PlatformVariable port : PlatformVariable.localPorts()) {
            overrides.put(port.name(), String.valueOf(FreePorts.pick()));
        }
        overrides.put(PlatformVariable.PLATFORM_DIR.name(), dir.toString());
        return new IsolatedPlatform(home.toAbsolutePath().normalize(), dir, overrides);
    }

    /** The platform of the repository at {@code home} as its .env and the environment configure it (no overrides). */
    public static IsolatedPlatform attach(Path home) {
        Path root = home.toAbsolutePath().normalize();
        PlatformEnv env = PlatformEnv.load(root.resolve(".env"), System.getenv());
        Path dir = root.resolve(env.require(PlatformVariable.PLATFORM_DIR)).normalize();
        return new IsolatedPlatform(root, dir, Map.of());
    }

    /** Runs the launcher (what `./platform` runs) with {@code args}, capturing its output. */
    public Result launcher(Map<String, String> extraEnv, Duration timeout, String... args) {
        return launcherWithInput("", extraEnv, timeout, args);
    }

    /** The same with {@code input} as its standard input (an interactive command's session). */
    public Result launcherWithInput(String input, Map<String, String> extraEnv, Duration timeout, String... args) {
        List<String> command = launcherCommand(args);
        Optional<ClassDataArchive> classData = launcherClassData(command);
        Result result = Command.run(
                home,
                environment(extraEnv),
                timeout,
                classData.map(c -> c.apply(command)).orElse(command),
                input);
        classData.ifPresent(c -> c.ended(OptionalInt.of(result.exitCode())));
        return result;
    }

    /** Runs the launcher with {@code args}, its output going to this process's; returns its exit code. */
    public int launcherAttached(String... args) throws IOException, InterruptedException {
        List<String> command = launcherCommand(args);
        Optional<ClassDataArchive> classData = launcherClassData(command);
        ProcessBuilder builder = new ProcessBuilder(
                        classData.map(c -> c.apply(command)).orElse(command))
                .directory(home.toFile())
                .inheritIO();
        builder.environment().putAll(overrides);
        int exitCode = builder.start().waitFor();
        classData.ifPresent(c -> c.ended(OptionalInt.of(exitCode)));
        return exitCode;
    }

    /** The launcher's commands are short JVMs, four to a fresh-start cycle: each maps the archive the first made. */
    private Optional<ClassDataArchive> launcherClassData(List<String> command) {
        return ClassDataArchive.forCommand(ClassDataArchive.dir(home), "launcher", command);
    }

    /** Runs any command from the repository root with this platform's configuration plus {@code extraEnv}. */
    public Result execute(List<String> command, Map<String, String> extraEnv, Duration timeout) {
        return execute(command, extraEnv, timeout, "");
    }

    /** The same with {@code input} as its standard input. */
    public Result execute(List<String> command, Map<String, String> extraEnv, Duration timeout, String input) {
        return Command.run(home, environment(extraEnv), timeout, command, input);
    }

    /**
     * Starts a long-running command from the repository root with this platform's configuration plus {@code
     * extraEnv}, its output going to {@code log}; the caller ends it.
     */
    public Process start(List<String> command, Map<String, String> extraEnv, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(extraEnv));
        return builder.start();
    }

    private Map<String, String> environment(Map<String, String> extraEnv) {
        Map<String, String> environment = new LinkedHashMap<>(overrides);
        environment.putAll(extraEnv);
        return environment;
    }

    /** `java -jar <jar>` with this JVM's java. */
    public List<String> javaJar(String jar, String... jvmOptions) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", home.resolve(jar).toString()));
        return command;
    }

    private List<String> launcherCommand(String... args) {
        return launcherCommand(home, args);
    }

    /** The launcher's command line (what `./platform` runs) for the checkout at {@code home}. */
    public static List<String> launcherCommand(Path home, String... args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(LAUNCHER_JVM_OPTIONS);
        command.addAll(List.of("-jar", home.resolve(LAUNCHER_JAR).toString(), "--home", home.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** What the launcher last published, if it ever ran here. */
    public Optional<RunState> runState() {
        return RunState.read(platformDir.resolve("run"));
    }

    /** The running components' PIDs, by name, from the launcher's run state. */
    public Map<String, Long> componentPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        runState()
                .ifPresent(state -> state.components().stream()
                        .filter(entry -> entry.pid() != null)
                        .forEach(entry -> pids.put(entry.name(), entry.pid())));
        return pids;
    }

    /** The variables of this platform's ports that something still listens on. */
    public List<String> portsInUse() {
        return PlatformVariable.localPorts().stream()
                .map(Enum::name)
                .filter(variable -> !FreePorts.bindable(Integer.parseInt(overrides.get(variable))))
                .toList();
    }

    /** Deletes PLATFORM_DIR (only while nothing runs there). */
    public void deleteDir() {
        if (!Files.exists(platformDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(platformDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PlatformEnv env() {
        return env;
    }

    public PlatformEndpoints endpoints() {
        return endpoints;
    }

    public Path home() {
        return home;
    }

    public Path platformDir() {
        return platformDir;
    }

    /** The variables this platform sets over .env: its ports and PLATFORM_DIR. */
    public Map<String, String> overrides() {
        return overrides;
    }
}
