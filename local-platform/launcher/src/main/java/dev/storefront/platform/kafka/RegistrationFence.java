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
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.QuorumInfo;

/**
 * Starting the single-node KRaft broker again without leaving a transaction hanging: its previous registration is
 * fenced first, by the node running as a controller alone.
 *
 * <p>A restarted node replays a metadata log in which its old incarnation is still the registered, unfenced leader of
 * every partition, so it takes leadership and loads the transaction coordinator at once, before its broker listener
 * accepts connections. Its controller fences the old registration only when that session times out (9 s): every
 * partition is leaderless for a moment, and the coordinator completes the transactions it was finishing (rolling back
 * those of killed writers, committing those it had prepared) without writing their markers to the partitions it
 * "cannot find a leader for". Those partitions keep an open transaction for good: read_committed readers stop at it
 * (the pipeline restoring its state stayed REBALANCING: 2 kills in 4 in the drill).
 *
 * <p>Kafka's own answer to a clean stop, a controlled shutdown, has the same window on a single node: the controller
 * moves leadership away (to nobody) while the coordinator still ends transactions, and a Connect transaction lost its
 * markers on a graceful restart (1 drill in 7). So the node stops without one ({@code controlled.shutdown.enable=false}
 * in server.properties) and every start after the first leaves a registration to fence: the node first runs as a
 * controller alone, with a 1 s broker session, until it has fenced the old registration and committed that; the normal
 * start then finds itself fenced, registers at once, leads only once unfenced, and its coordinator sends the markers
 * of the transactions it had prepared to a listening broker.
 */
final class RegistrationFence {

    private static final Duration FENCE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** The controller's line once it leads the quorum; its check for expired sessions runs from then on. */
    static final String ACTIVE = "Becoming the active controller";
    /**
     * How long after becoming active a registration it has to fence takes: one 1 s session (measured: 1.0 s). Five of
     * them without a fence mean there was none (fenced already, or never registered).
     */
    static final Duration FENCE_AFTER_ACTIVE = Duration.ofSeconds(5);

    /** Starts the node's JVM for a configuration file. */
    @FunctionalInterface
    interface NodeStart {
        ChildProcess start(Path config) throws IOException;
    }

    private RegistrationFence() {}

    /** Whether the broker using {@code dataDir} has run before, so that a registration of it may be left. */
    static boolean needed(Path dataDir) {
        return Files.isDirectory(dataDir.resolve("__cluster_metadata-0"));
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
     * Runs the node as a controller alone until its log says it fenced the node's broker and that is committed, then
     * stops it.
     *
     * @param start starts the controller-only JVM, appending to {@code log}
     */
    static void fence(Path combinedConfig, Path log, NodeStart start)
            throws IOException, ComponentFailure, InterruptedException {
        Properties combined = new Properties();
        try (Reader in = Files.newBufferedReader(combinedConfig)) {
            combined.load(in);
        }
        String fenced = "Fencing broker " + combined.getProperty("node.id") + " ";
        Path config = combinedConfig.resolveSibling("kafka-fence.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            controllerOnly(combined).store(out, "The broker as a controller alone, to fence its lost registration");
        }
        note(
                log,
                "starting the node as a controller alone until it fences the broker's previous registration"
                        + " (see RegistrationFence)");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ChildProcess controller = start.start(config);
        try {
            long deadline = System.nanoTime() + FENCE_TIMEOUT.toNanos();
            long activeSince = 0;
            String appended;
            while (!(appended = appended(log, logStart)).contains(fenced)) {
                if (!controller.isAlive()) {
                    throw new ComponentFailure(
                            KafkaComponent.NAME,
                            "the controller started to fence the previous registration exited with "
                                    + controller.exitCode().orElse(-1),
                            log);
                }
                if (activeSince == 0 && appended.contains(ACTIVE)) {
                    activeSince = System.nanoTime();
                }
                boolean nothingToFence =
                        activeSince != 0 && System.nanoTime() - activeSince > FENCE_AFTER_ACTIVE.toNanos();
                if (nothingToFence || System.nanoTime() > deadline) {
                    // Fenced already (a stop by an earlier version, with a controlled shutdown) or never registered
                    // (a crash during its first start): nothing hangs on it.
                    note(
                            log,
                            nothingToFence
                                    ? "no registration to fence: starting normally"
                                    : "no fencing within " + FENCE_TIMEOUT.toSeconds() + " s: starting normally");
                    return;
                }
                Thread.sleep(100);
            }
            // The line is logged when the fence is decided; stopped at once, the controller dropped it uncommitted
            // (seen here). Wait until the metadata log has committed everything appended after it.
            awaitCommitted(controllerEndpoint(combined), deadline, log);
        } finally {
            controller.stop(STOP_GRACE);
        }
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
                            "the controller did not commit the fencing of the previous registration",
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
