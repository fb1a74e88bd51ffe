package dev.storefront.benchmark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrProfileTest {

    @Test
    void namesTheLibrariesOfThePlatform() {
        assertThat(JfrProfile.libraryOf("io.apicurio.registry.resolver.DefaultSchemaResolver"))
                .isEqualTo("Apicurio serde/converter");
        assertThat(JfrProfile.libraryOf("io.debezium.connector.jdbc.JdbcChangeEventSink"))
                .isEqualTo("Debezium JDBC sink");
        assertThat(JfrProfile.libraryOf("io.debezium.connector.postgresql.PostgresStreamingChangeEventSource"))
                .isEqualTo("Debezium");
        assertThat(JfrProfile.libraryOf("org.example.deep.pkg.Type")).isEqualTo("org.example.deep");
        assertThat(JfrProfile.libraryOf("Toplevel")).isEqualTo("Toplevel");
    }

    @Test
    void theRecordingsCarryNoEnvironmentVariableOrSystemProperty(@TempDir Path dir) throws Exception {
        assertThat(environmentAndPropertyEvents(Configuration.getConfiguration("default"), dir.resolve("default.jfr")))
                .as("JFR's own default settings record them")
                .isPositive();
        assertThat(environmentAndPropertyEvents(
                        Configuration.create(JfrProfile.settingsWithoutSecrets()), dir.resolve("bench.jfr")))
                .as("the benchmark's settings do not")
                .isZero();
    }

    private static long environmentAndPropertyEvents(Configuration settings, Path file) throws Exception {
        try (Recording recording = new Recording(settings)) {
            recording.start();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .map(event -> event.getEventType().getName())
                .filter(name ->
                        name.equals("jdk.InitialEnvironmentVariable") || name.equals("jdk.InitialSystemProperty"))
                .count();
    }

    @Test
    void sharesAreTheLargestCountsOverTheTotal() {
        assertThat(JfrProfile.shares(Map.of("a", 1, "b", 3), 8))
                .containsExactly(Map.entry("b", 0.375), Map.entry("a", 0.125));
    }

    @Test
    @SuppressWarnings("unchecked")
    void summarisesARealRecordingOfABusyThread(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            Thread busy = new Thread(JfrProfileTest::spin, "busy-worker-7");
            busy.start();
            busy.join();
            recording.stop();
            recording.dump(file);
        }

        Map<String, Object> summary = JfrProfile.summarise(file);

        assertThat((Integer) summary.get("executionSamples")).isPositive();
        assertThat((Map<String, Double>) summary.get("samplesByThread")).containsKey("busy-worker-#");
        assertThat((Map<String, Double>) summary.get("samplesByLibrary")).containsKey("storefront code");
    }

    private static void spin() {
        long end = System.nanoTime() + 1_500_000_000L;
        double sink = 0;
        while (System.nanoTime() < end) {
            sink += Math.sqrt(sink + System.nanoTime() % 7);
        }
        if (sink == -1) {
            System.out.println(sink);
        }
    }
}
