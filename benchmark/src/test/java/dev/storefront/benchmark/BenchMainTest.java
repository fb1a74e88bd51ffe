package dev.storefront.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.SecretMasker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchMainTest {

    @Test
    void aPlatformThatDidNotStartHasItsOwnExitCodeAndAFailedPhaseAnother() {
        PhaseResult started = new PhaseResult("Cold start", List.of(), Map.of(), List.of(), null);
        PhaseResult failed = PhaseResult.failed("Snapshot", "timed out");

        assertThat(BenchMain.exitCode(List.of(PhaseResult.failed("Cold start", "up failed (exit 1)"))))
                .isEqualTo(BenchMain.PLATFORM_DID_NOT_START);
        assertThat(BenchMain.exitCode(List.of())).isEqualTo(BenchMain.PLATFORM_DID_NOT_START);
        assertThat(BenchMain.exitCode(List.of(started, failed))).isEqualTo(1);
        assertThat(BenchMain.exitCode(List.of(started))).isZero();
    }

    @Test
    void aFailedPhaseNamesTheConnectorsThatAreNotRunning() {
        PhaseResult failed = PhaseResult.failed("Snapshot", "the snapshot did not reach 202096 events within PT3M");
        Path logs = Path.of("bench-platform", "logs");

        assertThat(BenchMain.withStoppedConnectors(
                                failed,
                                Map.of(
                                        "storefront-postgres-source",
                                        "RUNNING (task 0 FAILED)",
                                        "analytics-jdbc-sink",
                                        "RUNNING"),
                                logs)
                        .error())
                .isEqualTo("the snapshot did not reach 202096 events within PT3M; connectors not running: "
                        + "storefront-postgres-source RUNNING (task 0 FAILED) (Connect's log in " + logs + ")");
        assertThat(BenchMain.withStoppedConnectors(failed, Map.of("analytics-jdbc-sink", "RUNNING"), logs))
                .isSameAs(failed);
        assertThat(BenchMain.withStoppedConnectors(failed, Map.of(), logs)).isSameAs(failed);
    }

    @Test
    void sizeAcceptsSmallAndDefaultInAnyCase() {
        BenchMain.SizeConverter converter = new BenchMain.SizeConverter();

        assertThat(converter.convert("Small")).isEqualTo(BenchSize.SMALL);
        assertThat(converter.convert("default")).isEqualTo(BenchSize.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--size   | huge          | --size must be small or default, not 'huge'",
                "--phases | snapshot,warp | --phases takes full-load, snapshot, streaming, latency; not 'warp'",
                "--runs   | 0             | --runs must be 1 or more, not 0",
                "--phases | streaming,latency | --phases: streaming needs the rows full-load writes into the bench's "
                        + "empty platform: add full-load (e.g. --phases full-load,streaming)"
            })
    void aBadOptionIsNamedAndNothingStarts(String option, String value, String message, @TempDir Path home) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchMain()).setErr(new PrintWriter(err));

        int exit = cli.execute("--home", home.toString(), option, value);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void phasesAreChosenByTheirOptionNames() {
        BenchMain bench = new BenchMain();
        new CommandLine(bench).parseArgs("--phases", "latency,Full-Load");

        assertThat(bench.only).containsExactly(BenchMain.Phase.LATENCY, BenchMain.Phase.FULL_LOAD);
        assertThat(new BenchMain().only).containsExactly(BenchMain.Phase.values());
    }

    @Test
    void smallIsSmallerThanDefaultInEveryPhase() {
        assertThat(BenchSize.SMALL.orders).isLessThan(BenchSize.DEFAULT.orders);
        assertThat(BenchSize.SMALL.streamingChanges).isLessThan(BenchSize.DEFAULT.streamingChanges);
        assertThat(BenchSize.SMALL.latencyRates.get(BenchSize.SMALL.latencyRates.size() - 1))
                .isLessThan(BenchSize.DEFAULT.latencyRates.get(BenchSize.DEFAULT.latencyRates.size() - 1));
    }

    @Test
    void aReportFileHoldingASecretValueIsFound(@TempDir Path out) throws Exception {
        SecretMasker masker =
                PlatformEnv.of(Map.of("DEBEZIUM_PASSWORD", "debezium-secret")).masker();
        Files.writeString(out.resolve("report.md"), "connected as debezium with debezium-secret-free config");
        Files.write(
                out.resolve("connect.jfr"),
                new byte[] {0, 1, 'd', 'e', 'b', 'e', 'z', 'i', 'u', 'm', '-', 's', 'e', 'c', 'r', 'e', 't', 0, 2});

        assertThat(BenchMain.secretLeaks(out, masker)).containsExactly(out.resolve("connect.jfr"));
    }
}
