package dev.storefront.benchmark.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of one platform JVM over a phase, started and stopped with {@code jcmd} (nothing to
 * configure in the platform), summarised as where its threads' execution samples were: by the innermost frame outside
 * the JDK (which library was working), by thread, and the time its collector paused it. The recording stays beside
 * the report for JDK Mission Control.
 */
public final class JfrProfile {

    private static final int TOP = 8;
    /** Libraries named for what they do in the platform; other code is grouped by its first three package names. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("io.apicurio", "Apicurio serde/converter"),
            Map.entry("org.apache.avro", "Avro"),
            Map.entry("io.debezium.connector.jdbc", "Debezium JDBC sink"),
            Map.entry("org.hibernate", "Hibernate (JDBC sink)"),
            Map.entry("io.debezium", "Debezium"),
            Map.entry("org.postgresql", "PgJDBC"),
            Map.entry("org.apache.kafka.connect", "Connect runtime"),
            Map.entry("org.apache.kafka.streams", "Kafka Streams"),
            Map.entry("org.apache.kafka", "Kafka clients"),
            Map.entry("com.fasterxml.jackson", "Jackson JSON"),
            Map.entry("org.rocksdb", "RocksDB"),
            Map.entry("dev.storefront", "storefront code"));

    /** JFR settings without secrets, written once per run on the first recording. */
    private static Path settingsWithoutSecrets;

    private final long pid;
    private final String name;
    private final Path file;

    private JfrProfile(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    /**
     * Starts recording {@code pid} with JFR's "default" settings: a stack sample of each running thread every 20 ms,
     * about 1 % overhead. The "profile" settings (allocation samples, 10 ms) cost the snapshot a fifth of its rate.
     */
    public static JfrProfile start(long pid, String name, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + name, "settings=" + settingsWithoutSecrets());
        return new JfrProfile(pid, name, file);
    }

    /**
     * JFR's "default" settings without the events that copy a JVM's environment and system properties into the
     * recording: the platform's JVMs hold its secrets in their environment (Connect resolves the connectors' passwords
     * from it), and the recordings are shared as report files.
     */
    static synchronized Path settingsWithoutSecrets() throws IOException {
        if (settingsWithoutSecrets != null) {
            return settingsWithoutSecrets;
        }
        Path settings = Files.createTempFile("bench-jfr-without-secrets", ".jfc");
        settings.toFile().deleteOnExit();
        String jfc = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc"));
        for (String event : List.of("jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty")) {
            String enabled = "(<event name=\"" + Pattern.quote(event) + "\">\\s*<setting name=\"enabled\">)true";
            String disabled = jfc.replaceFirst(enabled, "$1false");
            if (disabled.equals(jfc)) {
                throw new IllegalStateException("JFR's default.jfc has no enabled " + event + " event to turn off");
            }
            jfc = disabled;
        }
        Files.writeString(settings, jfc);
        settingsWithoutSecrets = settings;
        return settings;
    }

    /**
     * Starts and discards a short recording: a JVM's first JFR start stalls it for seconds (measured: the pipeline's
     * facts 5-7 s late instead of ~1 s in the phase that started it), so every profiled JVM pays that before timing.
     */
    public static void prime(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench-prime", "settings=" + settingsWithoutSecrets());
        Thread.sleep(2_000);
        jcmd(pid, "JFR.stop", "name=bench-prime");
    }

    /** Stops the recording, writes it to the file and summarises it. */
    public Map<String, Object> stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        Map<String, Object> summary = summarise(file);
        summary.put("recording", file.getFileName().toString());
        return summary;
    }

    static Map<String, Object> summarise(Path recording) throws IOException {
        Map<String, Integer> byCode = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        Duration gcPauses = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcPauses = gcPauses.plus(event.getDuration());
            } else if (type.equals("jdk.ExecutionSample")) {
                samples++;
                byCode.merge(library(event.getStackTrace()), 1, Integer::sum);
                byThread.merge(event.getThread("sampledThread").getJavaName().replaceAll("\\d+", "#"), 1, Integer::sum);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("executionSamples", samples);
        summary.put("gcPauseSeconds", gcPauses.toMillis() / 1000.0);
        summary.put("samplesByLibrary", shares(byCode, samples));
        summary.put("samplesByThread", shares(byThread, samples));
        return summary;
    }

    /** One line for the report: the busiest libraries and threads, and the collector's pauses. */
    @SuppressWarnings("unchecked")
    public static String describe(String component, Map<String, Object> summary) {
        return String.format(
                Locale.ROOT,
                "JFR profile of %s (%s): samples by library %s; by thread %s; GC pauses %.1f s",
                component,
                summary.get("recording"),
                percent((Map<String, Double>) summary.get("samplesByLibrary")),
                percent((Map<String, Double>) summary.get("samplesByThread")),
                (Double) summary.get("gcPauseSeconds"));
    }

    private static String percent(Map<String, Double> shares) {
        return shares.entrySet().stream()
                .limit(4)
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The library of the innermost frame outside the JDK: a HashMap lookup inside Avro counts as Avro. */
    static String library(RecordedStackTrace stack) {
        if (stack == null) {
            return "unknown";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return libraryOf(type);
            }
        }
        return "JDK only";
    }

    static String libraryOf(String className) {
        for (Map.Entry<String, String> library : LIBRARIES) {
            if (className.startsWith(library.getKey() + ".")) {
                return library.getValue();
            }
        }
        String[] parts = className.split("\\.");
        return String.join(".", List.of(parts).subList(0, Math.max(1, Math.min(3, parts.length - 1))));
    }

    /** The {@link #TOP} largest counts as shares of {@code total} (0.123 = 12.3 %), largest first. */
    static Map<String, Double> shares(Map<String, Integer> counts, int total) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP)
                .forEach(entry -> shares.put(entry.getKey(), Math.round(1000.0 * entry.getValue() / total) / 1000.0));
        return shares;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0 || output.contains("Exception")) {
            throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + output.strip());
        }
    }
}
