package dev.storefront.benchmark.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * CPU time of the platform's processes from /proc/<pid>/stat (utime + stime, clock ticks): sampled before and after
 * a phase, the difference over the wall time says how many cores each process kept busy, hence what bounds it.
 */
public final class ProcessCpu {

    /** USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK) is not reachable from Java). */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {}

    /**
     * CPU seconds (user + system) of each named process and its descendants (PostgreSQL's work is done by its
     * backends, children of the postmaster); processes that are gone are left out.
     */
    public static Map<String, Double> sample(Map<String, Long> pids) {
        return perProcessTree(pids, pid -> readSeconds(Path.of("/proc", String.valueOf(pid), "stat")));
    }

    /**
     * Seconds the threads of each named process and its descendants spent runnable but waiting for a core (the run
     * queue delay, /proc/<pid>/task/<tid>/schedstat's second field, in ns): where the cores are shared by more threads
     * than they can run, this is the time work waited although nothing else held it. Empty without schedstat.
     */
    public static Map<String, Double> waitedForCore(Map<String, Long> pids) {
        if (!Files.exists(Path.of("/proc/self/schedstat"))) {
            return new LinkedHashMap<>();
        }
        return perProcessTree(pids, ProcessCpu::runQueueSeconds);
    }

    /** One reading per named process, summed over it and its descendants; processes that are gone are left out. */
    private static Map<String, Double> perProcessTree(Map<String, Long> pids, ToDoubleFunction<Long> reading) {
        Map<String, Double> byName = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid)
                .ifPresent(process -> byName.put(
                        name,
                        Stream.concat(Stream.of(process), process.descendants())
                                .mapToDouble(p -> reading.applyAsDouble(p.pid()))
                                .sum())));
        return byName;
    }

    /** The run queue delay of every thread of {@code pid}, in seconds (0 once it is gone). */
    private static double runQueueSeconds(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.mapToDouble(task -> {
                        try {
                            return runQueueSeconds(Files.readString(task.resolve("schedstat")));
                        } catch (IOException | RuntimeException e) {
                            return 0; // The thread ended meanwhile.
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Seconds the host ran other guests while this machine's cores had work (/proc/stat's steal, all cores together):
     * on a shared virtual machine every figure of a phase is slower by what it took. 0 without /proc.
     */
    public static double stolenSeconds() {
        try {
            return stolenSeconds(Files.readString(Path.of("/proc/stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The 8th value of /proc/stat's first ("cpu") line: user nice system idle iowait irq softirq steal, in ticks. */
    static double stolenSeconds(String procStat) {
        String[] fields = procStat.lines().findFirst().orElseThrow().trim().split("\\s+");
        return Long.parseLong(fields[8]) / TICKS_PER_SECOND;
    }

    /** The second of schedstat's three fields (time on the CPU, time waiting on a run queue, timeslices), in s. */
    static double runQueueSeconds(String schedstat) {
        return Long.parseLong(schedstat.trim().split("\\s+")[1]) / 1e9;
    }

    /** CPU seconds of each thread of {@code pid} by thread name (/proc/<pid>/task/<tid>/stat; names cut at 15). */
    public static Map<String, Double> threads(long pid) {
        Map<String, Double> byName = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    byName.merge(threadName(stat), cpuSeconds(stat), Double::sum);
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            });
        } catch (IOException e) {
            // The process ended or there is no /proc.
        }
        return byName;
    }

    static String threadName(String statLine) {
        return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
    }

    private static double readSeconds(Path stat) {
        try {
            return cpuSeconds(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of one /proc/<pid>/stat line, in seconds. The command name may hold spaces: skip past ')'. */
    static double cpuSeconds(String statLine) {
        String[] fields =
                statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // After the name, field 3 (state) is index 0, so utime (14) and stime (15) are indexes 11 and 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Cores each process kept busy between two samples over {@code wallSeconds}, largest first. */
    public static Map<String, Double> coresUsed(
            Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        after.entrySet().stream()
                .filter(e -> before.containsKey(e.getKey()))
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.get(e.getKey())) / wallSeconds))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> cores.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return cores;
    }
}
