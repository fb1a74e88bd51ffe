package dev.storefront.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.StorefrontTables;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.run.IsolatedPlatform;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real local platform for the tests, an {@link IsolatedPlatform} (free ports, its own PLATFORM_DIR under target/)
 * driven through its own command: the shared one is started once per run (`platform up --detach`) and stopped with
 * `platform down` at the end; tests isolate their scenarios by data, not by restarts. Every command's output is
 * printed into the Failsafe report.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private final IsolatedPlatform platform;
    private String upOutput;

    private LocalPlatform(IsolatedPlatform platform) {
        this.platform = platform;
    }

    public static LocalPlatform start() {
        LocalPlatform platform = scratch("platform");
        platform.up();
        return platform;
    }

    /**
     * A platform of a test's own, not started: free ports and an emptied PLATFORM_DIR {@code target/<name>} (kept
     * after the run for its logs). For scenarios that start, stop or break a whole platform, one at a time.
     */
    public static LocalPlatform scratch(String name) {
        IsolatedPlatform platform = IsolatedPlatform.create(
                repositoryRoot(),
                repositoryRoot().resolve("end-to-end-tests/target").resolve(name));
        platform.deleteDir();
        return new LocalPlatform(platform);
    }

    /** The repository root: .env, connectors/ and every module's build output. */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("repository.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** `platform up --detach`; fails the run with the launcher's output if the platform does not come up. */
    public void up() {
        Result result = platform("up", "--detach");
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "The local platform did not start (exit " + result.exitCode() + "):\n" + result.output());
        }
        upOutput = result.output();
    }

    public Result down() {
        return platform("down");
    }

    /** Runs the launcher CLI (what `./platform` runs) with this platform's configuration. */
    public Result platform(String... args) {
        return platform(Map.of(), args);
    }

    /** The launcher CLI with some variables changed for this one run. */
    public Result platform(Map<String, String> extraEnv, String... args) {
        return platform(extraEnv, START_TIMEOUT, args);
    }

    /** The launcher CLI for a command that takes longer than starting a platform (a drill): ended after {@code limit}. */
    public Result platform(Duration limit, String... args) {
        return platform(Map.of(), limit, args);
    }

    private Result platform(Map<String, String> extraEnv, Duration limit, String... args) {
        long begin = System.nanoTime();
        Result result = platform.launcher(extraEnv, limit, args);
        System.out.printf("(%s took %.1f s)%n", String.join(" ", args), (System.nanoTime() - begin) / 1e9);
        return printed(String.join(" ", args), result);
    }

    /**
     * Runs `platform verify` until it reports every output matching (the pipeline, the sinks and any SQL job catch up
     * meanwhile), for at most 4 minutes; returns its report.
     */
    public String awaitVerified() {
        AtomicReference<Result> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    last.set(platform("verify"));
                    assertThat(last.get().exitCode())
                            .as("platform verify:%n%s", last.get().output())
                            .isZero();
                });
        return last.get().output();
    }

    /** The launcher CLI with {@code input} as its standard input: what a user types into an interactive command. */
    public Result platformWithInput(String input, String... args) {
        long begin = System.nanoTime();
        Result result = platform.launcherWithInput(input, Map.of(), START_TIMEOUT, args);
        System.out.printf("(%s took %.1f s)%n", String.join(" ", args), (System.nanoTime() - begin) / 1e9);
        return printed(String.join(" ", args), result);
    }

    /** Runs connect-init with this platform's configuration plus {@code extraEnv}. */
    public Result connectInit(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(platform.javaJar("connect-init/target/connect-init.jar"));
        command.addAll(List.of("--env-file", root().resolve(".env").toString()));
        command.addAll(List.of(args));
        return printed(String.join(" ", args), platform.execute(command, extraEnv, Duration.ofMinutes(5)));
    }

    /** Runs any command from the repository root with this platform's configuration, {@code input} on its stdin. */
    public Result execute(List<String> command, Map<String, String> extraEnv, String input) {
        return printed(String.join(" ", command), platform.execute(command, extraEnv, START_TIMEOUT, input));
    }

    /** Starts a long-running command with this platform's configuration, its output to {@code log}; the caller ends it. */
    public Process start(List<String> command, Map<String, String> extraEnv, Path log) throws IOException {
        return platform.start(command, extraEnv, log);
    }

    private static Result printed(String command, Result result) {
        System.out.println("$ " + command + "\n" + result.output());
        return result;
    }

    public PlatformEnv env() {
        return platform.env();
    }

    public Path root() {
        return platform.home();
    }

    public String upOutput() {
        return upOutput;
    }

    public Connection storefrontDb() throws SQLException {
        return database(env().require(PlatformVariable.POSTGRES_DB));
    }

    public Connection database(String name) throws SQLException {
        return endpoints().openDatabase(name);
    }

    /** The captured tables: those of Debezium's publication, as the platform itself reads them. */
    public List<String> capturedTables() {
        try (Connection db = storefrontDb()) {
            return StorefrontTables.captured(db, env().require(PlatformVariable.DEBEZIUM_PUBLICATION));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publication's tables: " + e.getMessage(), e);
        }
    }

    /** The running components' PIDs, by name, from the launcher's run state. */
    public Map<String, Long> componentPids() {
        return platform.componentPids();
    }

    /** The .env variables of this platform's ports that something still listens on. */
    public List<String> portsInUse() {
        return platform.portsInUse();
    }

    public PlatformEndpoints endpoints() {
        return platform.endpoints();
    }

    @Override
    public void close() {
        Result result = down();
        if (result.exitCode() != 0) {
            System.err.println("platform down failed:\n" + result.output());
        }
    }
}
