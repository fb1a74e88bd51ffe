package dev.storefront.benchmark;

import dev.storefront.benchmark.client.Http;
import dev.storefront.benchmark.client.Kafka;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.platform.JfrProfile;
import dev.storefront.benchmark.platform.ScratchPlatform;
import dev.storefront.benchmark.report.LatencyRecording;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.StorefrontTables;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What every phase works with: the scratch platform, its clients, the size, the processes to watch, and the report
 * folder (profiles are written there).
 */
public record BenchContext(
        ScratchPlatform platform,
        Http http,
        Kafka kafka,
        BenchSize size,
        Map<String, Long> pids,
        Path outDir,
        List<LatencyRecording> latencyRecordings) {

    public CpuWindow cpu() {
        return CpuWindow.open(pids);
    }

    /** The components whose JVMs the phases profile. */
    public static final List<String> PROFILED = List.of("connect", "pipeline");

    /** Pays each profiled JVM's first-JFR-start stall now, before any phase is timed. */
    public void primeProfiles() throws IOException, InterruptedException {
        progress("priming JFR in " + String.join(" and ", PROFILED) + " (a JVM's first recording stalls it)");
        for (String component : PROFILED) {
            JfrProfile.prime(pid(component));
        }
    }

    /** Starts a JFR profile of one component for a phase; the recording lands in the report folder. */
    public JfrProfile profile(String component, String phase) throws IOException, InterruptedException {
        return JfrProfile.start(pid(component), "bench-" + phase, outDir.resolve(phase + "-" + component + ".jfr"));
    }

    private long pid(String component) {
        Long pid = pids.get(component);
        if (pid == null) {
            throw new IllegalStateException("No process of " + component + " to profile");
        }
        return pid;
    }

    /** The captured tables: those of Debezium's publication. */
    public List<String> tables() throws SQLException {
        try (Connection db = platform.database()) {
            return StorefrontTables.captured(db, platform.env().require(PlatformVariable.DEBEZIUM_PUBLICATION));
        }
    }

    /** The change topic of every captured table, for a connector writing under {@code prefix}. */
    public List<String> cdcTopics(String prefix) throws SQLException {
        CdcTopicNames names = new CdcTopicNames(prefix);
        return tables().stream().map(names::table).toList();
    }

    static Map<String, Long> pidsOf(ScratchPlatform platform) {
        return platform.componentPids();
    }

    public static void progress(String message) {
        System.out.println("[bench] " + message);
    }
}
