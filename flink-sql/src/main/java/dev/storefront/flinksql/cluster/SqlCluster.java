package dev.storefront.flinksql.cluster;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.taskexecutor.TaskManagerRunner;

/**
 * The SQL layer's Flink. Local mode runs one mini-cluster (job manager and one task manager in this JVM); compose runs
 * the same settings as a standalone job manager and a task manager, one per container. The job manager's REST API, on
 * the platform's bind address, is where the SQL client and {@code submit} send their jobs. Sized for a laptop: the
 * three shipped jobs and an interactive query or two.
 */
public final class SqlCluster {

    /** Task slots: the shipped jobs take one each (parallelism 1), the rest is for interactive queries. */
    static final int SLOTS = 6;

    private SqlCluster() {}

    /** Where the cluster keeps its jobs' checkpoints (a folder per job id) under its data folder. */
    public static Path checkpoints(Path dataDir) {
        return dataDir.resolve("checkpoints");
    }

    /** What runs once the cluster answers. */
    @FunctionalInterface
    public interface Startup {
        void run() throws Exception;
    }

    /**
     * A standalone task manager's settings: {@link #configuration}, registering with the job manager at {@code jobManagerHost}
     * (FLINK_HOST). Its checkpoint folder must be the job manager's (a shared volume): the task manager writes the
     * state files, the job manager the checkpoint's metadata.
     */
    public static Configuration taskManager(String bindAddress, int port, Path dataDir, String jobManagerHost) {
        Configuration config = configuration(bindAddress, port, dataDir, jobManagerHost);
        // Flink's start scripts derive every memory pool and the cores from the process size and pass them on;
        // started directly, it does the same here (1 GB: task heap 256 MB, network and managed memory as above).
        config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1g"));
        TaskExecutorProcessSpec resources = TaskExecutorProcessUtils.processSpecFromConfig(config);
        config.addAll(Configuration.fromMap(ConfigurationUtils.parseTmResourceDynamicConfigs(
                TaskExecutorProcessUtils.generateDynamicConfigsStr(resources))));
        return config;
    }

    /**
     * The job manager's settings, the mini-cluster's as well: REST on {@code bindAddress:port}, reached by task
     * managers and clients at {@code host} (FLINK_HOST), state on the heap, checkpoints under {@code dataDir}.
     */
    public static Configuration configuration(String bindAddress, int port, Path dataDir, String host) {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, bindAddress);
        config.set(RestOptions.ADDRESS, host);
        config.set(RestOptions.PORT, port);
        config.set(RestOptions.BIND_PORT, String.valueOf(port));
        config.set(JobManagerOptions.ADDRESS, host);
        // The blob server (job artifacts) and the RPC endpoints listen on the bind address, not on every one.
        config.set(JobManagerOptions.BIND_HOST, bindAddress);
        config.set(TaskManagerOptions.BIND_HOST, bindAddress);
        // Small state: the heap backend, no RocksDB to size; network and managed memory at their floor.
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                checkpoints(dataDir).toUri().toString());
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("32m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, SLOTS);
        return config;
    }

    /**
     * Starts the cluster, runs {@code afterStart} (which may submit jobs to it), and blocks until the JVM is asked to
     * stop (SIGTERM closes the cluster first).
     */
    public static void run(Configuration config, Startup afterStart) throws Exception {
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .withRandomPorts()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(SLOTS)
                .build());
        cluster.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("Flink mini-cluster did not close cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println(
                "Flink mini-cluster ready: " + cluster.getRestAddress().get());
        afterStart.run();
        stopped.await();
    }

    /**
     * Starts a standalone job manager (no task manager: they register with it), runs {@code afterStart}, and blocks
     * until it stops; its own shutdown hook closes it on SIGTERM.
     */
    public static void runJobManager(Configuration config, Startup afterStart) throws Exception {
        StandaloneSessionClusterEntrypoint jobManager = new StandaloneSessionClusterEntrypoint(config);
        jobManager.startCluster();
        System.out.println("Flink job manager ready: REST on port " + jobManager.getRestPort() + ", RPC on port "
                + jobManager.getRpcPort());
        afterStart.run();
        System.out.println("Flink job manager stopped: "
                + jobManager.getTerminationFuture().get());
    }

    /** Runs a standalone task manager until it stops; the JVM exits with its result. */
    public static void runTaskManager(Configuration config) {
        TaskManagerRunner.runTaskManagerProcessSecurely(config);
    }
}
