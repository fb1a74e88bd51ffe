package dev.storefront.flinksql.cluster;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * The SQL layer's Flink: one mini-cluster (job manager and one task manager in this JVM) whose REST API, on the
 * platform's bind address, is where the SQL client and {@code submit} send their jobs. Sized for a laptop: the three
 * shipped jobs and an interactive query or two.
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

    /** The cluster's settings: REST on {@code bindAddress:port}, state on the heap, checkpoints under {@code dataDir}. */
    public static Configuration configuration(String bindAddress, int port, Path dataDir) {
        Configuration config = new Configuration();
        config.set(RestOptions.BIND_ADDRESS, bindAddress);
        config.set(RestOptions.ADDRESS, "localhost");
        config.set(RestOptions.PORT, port);
        config.set(RestOptions.BIND_PORT, String.valueOf(port));
        config.set(JobManagerOptions.ADDRESS, "localhost");
        // The blob server (job artifacts) listens on the job manager's bind host: the same address, not every one.
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
}
