package dev.storefront.platform.kafka;

import dev.storefront.platform.lifecycle.ComponentFailure;
import dev.storefront.platform.process.ChildProcess;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.QuorumInfo;

/**
 * Restarting the single-node KRaft broker after it was killed (SIGKILL, a crash) without leaving a transaction hanging.
 *
 * <p>The restarted process replays a metadata log in which its old incarnation is still the registered, unfenced
 * leader of every partition, so it takes leadership and loads the transaction coordinator at once, before its broker
 * listener accepts connections. Its controller fences the old registration only when that session times out (9 s):
 * every partition is leaderless for a moment, and the coordinator completes the transactions it was finishing
 * (rolling back those of the killed writers, committing those it had prepared) without writing their markers to the
 * partitions it "cannot find a leader for". Those partitions keep an open transaction forever: read_committed
 * readers stop at it (the pipeline restoring its state stayed REBALANCING for good, seen 1 in 4 kills here).
 *
 * <p>So a broker that did not shut down cleanly is first started as a controller alone, with a 1 s session timeout,
 * until it has fenced the old registration and committed that; then the normal combined start finds itself fenced,
 * registers at once, leads again only once unfenced, and its coordinator writes markers to a listening broker, as after
 * a clean stop.
 */
final class CrashRecovery {

    /** Kafka's marker of a clean shutdown in each log directory (its CleanShutdownFileHandler), gone after a crash. */
    static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";

    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private CrashRecovery() {}

    /** Whether the broker using {@code dataDir} has run before and did not shut down cleanly. */
    static boolean needed(Path dataDir) {
        return Files.isDirectory(dataDir.resolve("__cluster_metadata-0"))
                && !Files.exists(dataDir.resolve(CLEAN_SHUTDOWN_FILE));
    }

    /**
     * The combined node's configuration as a controller alone: only the controller listener, a short broker session so
     * that it fences the lost broker within about a second (no broker heartbeats to it, so nothing else is fenced).
     */
    static Properties controllerOnly(Properties combined) {
        Properties controller = new Properties();
        controller.putAll(combined);
        String controllerListeners = combined.getProperty("controller.listener.names");
        controller.setProperty("process.roles", "controller");
        controller.setProperty(
                "listeners",
                Arrays.stream(combined.getProperty("listeners").split(","))
                        .map(String::trim)
                        .filter(listener -> listener.startsWith(controllerListeners + ":"))
                        .collect(Collectors.joining(",")));
        controller.remove("advertised.listeners");
        controller.remove("inter.broker.listener.name");
        controller.setProperty("broker.session.timeout.ms", "1000");
        controller.setProperty("broker.heartbeat.interval.ms", "500");
        return controller;
    }

    /**
     * Runs the node as a controller alone until its log says it fenced broker {@code nodeId}, then stops it.
     *
     * @param start starts the controller-only JVM for a configuration file, appending to {@code log}
     * @return how long it took
     */
    static Duration fenceLostBroker(Path combinedConfig, Path log, Function<Path, ChildProcess> start)
            throws IOException, ComponentFailure, InterruptedException {
        long began = System.nanoTime();
        Properties combined = new Properties();
        try (Reader in = Files.newBufferedReader(combinedConfig)) {
            combined.load(in);
        }
        String fenced = "Fencing broker " + combined.getProperty("node.id") + " ";
        Path config = combinedConfig.resolveSibling("kafka-crash-recovery.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            controllerOnly(combined).store(out, "The broker as a controller alone, to fence its lost registration");
        }
        note(
                log,
                "the broker did not shut down cleanly: starting it as a controller alone until it fences its old"
                        + " registration (see CrashRecovery)");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ChildProcess controller = start.apply(config);
        try {
            long deadline = System.nanoTime() + FENCE_TIMEOUT.toNanos();
            while (!appended(log, logStart).contains(fenced)) {
                if (!controller.isAlive()) {
                    throw new ComponentFailure(
                            KafkaComponent.NAME,
                            "the controller started to fence the crashed broker exited with "
                                    + controller.exitCode().orElse(-1),
                            log);
                }
                if (System.nanoTime() > deadline) {
                    // Never registered (a crash during its first start) or already fenced: nothing hangs on it.
                    note(log, "no fencing within " + FENCE_TIMEOUT.toSeconds() + " s: starting normally");
                    return Duration.ofNanos(System.nanoTime() - began);
                }
                Thread.sleep(100);
            }
            // The line is logged when the fence is decided; stopped at once, the controller dropped it uncommitted
            // (seen here). Wait until the metadata log has committed everything appended after it.
            awaitCommitted(controllerEndpoint(combined), deadline, log);
        } finally {
            controller.stop(STOP_GRACE);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** The controller's address, from {@code controller.quorum.voters} (id@host:port) of the single-node quorum. */
    static String controllerEndpoint(Properties combined) {
        String voters = combined.getProperty("controller.quorum.voters");
        return voters.substring(voters.indexOf('@') + 1).split(",")[0].trim();
    }

    /** Waits until the metadata log's high watermark reaches what its leader had appended half a second from now. */
    private static void awaitCommitted(String controller, long deadline, Path log)
            throws InterruptedException, ComponentFailure {
        Thread.sleep(500);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller))) {
            QuorumInfo quorum = quorum(admin);
            long appended = quorum.voters().stream()
                    .filter(voter -> voter.replicaId() == quorum.leaderId())
                    .mapToLong(QuorumInfo.ReplicaState::logEndOffset)
                    .findFirst()
                    .orElse(0);
            while (quorum(admin).highWatermark() < appended) {
                if (System.nanoTime() > deadline) {
                    throw new ComponentFailure(
                            KafkaComponent.NAME,
                            "the controller did not commit the fencing of the crashed broker",
                            log);
                }
                Thread.sleep(100);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ComponentFailure(
                    KafkaComponent.NAME, "cannot ask the controller about its metadata log: " + e.getMessage(), log, e);
        }
    }

    private static QuorumInfo quorum(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS);
    }

    /** What was appended to {@code log} since {@code from} (the controller's start-up: a hundred lines). */
    private static String appended(Path log, long from) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(from);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void note(Path log, String message) throws IOException {
        Files.writeString(
                log,
                "[launcher] " + message + System.lineSeparator(),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
