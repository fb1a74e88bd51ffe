package dev.storefront.benchmark;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.client.Http;
import dev.storefront.benchmark.client.Kafka;
import dev.storefront.benchmark.phase.AtRestPhase;
import dev.storefront.benchmark.phase.ColdStartPhase;
import dev.storefront.benchmark.phase.ConsoleToolsPhase;
import dev.storefront.benchmark.phase.FullLoadPhase;
import dev.storefront.benchmark.phase.LatencyPhase;
import dev.storefront.benchmark.phase.ReconciliationPhase;
import dev.storefront.benchmark.phase.SettingsPhase;
import dev.storefront.benchmark.phase.SnapshotPhase;
import dev.storefront.benchmark.phase.StreamingPhase;
import dev.storefront.benchmark.platform.ScratchPlatform;
import dev.storefront.benchmark.report.BenchReport;
import dev.storefront.benchmark.report.LatencyRecording;
import dev.storefront.benchmark.report.MarkdownReport;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.ReportWriter;
import dev.storefront.benchmark.report.RunsSummary;
import dev.storefront.contract.SecretMasker;
import dev.storefront.contract.connect.ConnectorStates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `./platform bench`: every phase on a fresh scratch platform, then the report; the platform is always stopped. With
 * {@code --runs N}, N such runs one after another and the median of every figure.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark a fresh local platform (own PLATFORM_DIR, free ports): cold start, full load vs "
                    + "PostgreSQL COPY, Debezium snapshot, streaming CDC vs raw logical decoding, end-to-end latency, the CPU at rest.",
            "Writes report.json, report.md and report.png. Exit code 0 when every phase ran (targets missed "
                    + "are reported, not failures), 1 when a phase failed, 3 when the platform did not start; with --runs, the "
                    + "highest of the runs'."
        })
public final class BenchMain implements Callable<Integer> {

    /** No figure at all: the fresh platform did not come up (CI fails on this code, never on figures). */
    static final int PLATFORM_DID_NOT_START = 3;

    /** A report file or recording holds a secret value: not a figure but a leak (CI fails on it). */
    static final int SECRET_IN_REPORT = 4;

    @Option(
            names = "--size",
            description = "small (a few minutes, CI) or default (under 20 minutes). Default: default.",
            converter = SizeConverter.class)
    BenchSize size = BenchSize.DEFAULT;

    @Option(names = "--out", description = "Report folder (default: bench-reports/<UTC timestamp>/ under --home).")
    Path out;

    @Option(
            names = "--phases",
            split = ",",
            paramLabel = "PHASE",
            description = "Phases after the cold start, comma-separated: full-load, snapshot, streaming, latency "
                    + "(default: all). Snapshot and streaming work on the rows the full load wrote.",
            converter = PhaseConverter.class)
    List<Phase> only = List.of(Phase.values());

    @Option(
            names = "--runs",
            description = "Runs one after another, each on a fresh platform of its own, each report in "
                    + "<out>/run-<n>/; then <out>/summary.{md,json}: every figure's median beside each run's value, "
                    + "the median judged against its goal (this machine's speed drifts between runs). "
                    + "Default: ${DEFAULT-VALUE} (the report in <out> itself).")
    int runs = 1;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--home",
            description = "Repository root with .env and the build outputs (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(".");

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // The scratch platform starts empty: without the full load these phases would update no row, for ever.
        List<String> needRows =
                only.stream().filter(Phase::needsFullLoad).map(Phase::option).toList();
        if (!needRows.isEmpty() && !only.contains(Phase.FULL_LOAD)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--phases: " + String.join(" and ", needRows) + (needRows.size() == 1 ? " needs" : " need")
                            + " the rows full-load writes into the bench's empty platform: add full-load (e.g. --phases full-load,"
                            + String.join(",", needRows)
                            + ")");
        }
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 or more, not " + runs);
        }
        Path outDir = out != null
                ? out
                : home.resolve("bench-reports")
                        .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()));
        int exit = 0;
        SecretMasker masker = null;
        List<BenchReport> reports = new ArrayList<>();
        for (int n = 1; n <= runs; n++) {
            if (runs > 1) {
                progress("run " + n + " of " + runs);
            }
            Run run = runOnce(runs == 1 ? outDir : outDir.resolve("run-" + n));
            reports.add(run.report());
            masker = run.masker();
            // 3 (no platform) outranks 1 (a phase failed), which outranks 0.
            exit = Math.max(exit, exitCode(run.report().phases()));
        }
        if (runs > 1) {
            RunsSummary summary = RunsSummary.of(reports);
            ReportWriter.writeSummary(summary, outDir);
            System.out.println();
            System.out.println(summary.markdown());
            progress("medians of " + runs + " runs: " + outDir.toAbsolutePath().normalize() + "/summary.{json,md}");
        }
        List<Path> leaks = secretLeaks(outDir, masker);
        if (!leaks.isEmpty()) {
            progress("FAILED: these report files hold a secret value of .env: " + leaks);
            return SECRET_IN_REPORT;
        }
        progress("secret scan: no report file or recording holds a secret value of .env");
        return exit;
    }

    /** A run's report, and what masks the secrets of the .env it ran with. */
    private record Run(BenchReport report, SecretMasker masker) {}

    /** One run on a fresh platform, its report written to {@code outDir}; the platform is always stopped. */
    private Run runOnce(Path outDir) throws Exception {
        String startedAt = Instant.now().toString();
        List<PhaseResult> phases = new ArrayList<>();
        List<LatencyRecording> latency = new ArrayList<>();
        ScratchPlatform platform = new ScratchPlatform(home, home.resolve("benchmark/target/bench-platform"));
        BenchReport report;
        try (platform) {
            PhaseResult coldStart = attempt("Cold start", () -> ColdStartPhase.run(platform));
            phases.add(coldStart);
            if (coldStart.error() == null) {
                runPhases(platform, phases, latency, outDir);
            }
        } finally {
            report = new BenchReport(startedAt, size.name().toLowerCase(Locale.ROOT), machine(), phases, latency);
            ReportWriter.write(report, outDir);
            System.out.println();
            System.out.println(MarkdownReport.render(report));
            progress("report: " + outDir.toAbsolutePath().normalize() + "/report.{json,md,png}");
        }
        return new Run(report, platform.env().masker());
    }

    /** The files of the report folder (reports, JFR recordings) that hold a secret value as a whole token. */
    static List<Path> secretLeaks(Path outDir, SecretMasker masker) throws IOException {
        if (!Files.isDirectory(outDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outDir)) {
            List<Path> leaks = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                // Latin-1 keeps every byte as one char: a secret's ASCII bytes in a binary recording still match.
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (!masker.mask(text).equals(text)) {
                    leaks.add(file);
                }
            }
            return leaks;
        }
    }

    /** The cold start is the first phase: without it there is no platform and no figure. */
    static int exitCode(List<PhaseResult> phases) {
        if (phases.isEmpty() || phases.get(0).error() != null) {
            return PLATFORM_DID_NOT_START;
        }
        return phases.stream().anyMatch(p -> p.error() != null) ? 1 : 0;
    }

    private void runPhases(
            ScratchPlatform platform, List<PhaseResult> phases, List<LatencyRecording> latency, Path outDir)
            throws Exception {
        Files.createDirectories(outDir);
        try (Kafka kafka = new Kafka(
                platform.endpoints().kafkaBootstrap(), platform.endpoints().registryUrl())) {
            BenchContext ctx =
                    new BenchContext(platform, new Http(), kafka, size, BenchContext.pidsOf(platform), outDir, latency);
            phases.add(attempt(SettingsPhase.NAME, () -> SettingsPhase.run(ctx)));
            ctx.primeProfiles();
            Map<Phase, PhaseBody> bodies = Map.of(
                    Phase.FULL_LOAD, () -> FullLoadPhase.run(ctx),
                    Phase.SNAPSHOT, () -> SnapshotPhase.run(ctx),
                    Phase.STREAMING, () -> StreamingPhase.run(ctx),
                    Phase.LATENCY, () -> LatencyPhase.run(ctx, only.contains(Phase.FULL_LOAD)));
            for (Phase phase : Phase.values()) {
                if (only.contains(phase)) {
                    settle(kafka);
                    phases.add(namingStoppedConnectors(attempt(phase.title, bodies.get(phase)), platform));
                }
            }
            settle(kafka);
            phases.add(attempt(AtRestPhase.NAME, () -> AtRestPhase.run(ctx)));
            phases.add(attempt(ConsoleToolsPhase.NAME, () -> ConsoleToolsPhase.run(ctx)));
            phases.add(attempt(ReconciliationPhase.NAME, () -> ReconciliationPhase.run(ctx)));
        }
    }

    /** Lets the pipeline and sinks digest the previous phase, so it does not eat into the next one's CPU. */
    private void settle(Kafka kafka) throws Exception {
        progress("waiting for every consumer group to catch up (at most " + size.settleTimeout.toSeconds() + " s)");
        long start = System.nanoTime();
        long lag = kafka.awaitSettled(size.settleTimeout);
        progress(String.format(
                "%s after %.1f s",
                lag < 0 ? "still consuming, going on" : "settled (lag " + lag + ")",
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * A failed phase also names the connectors that are not running: a task that fails after the start (connect-init
     * saw it RUNNING) otherwise shows only as a phase that waited for events that never came.
     */
    private static PhaseResult namingStoppedConnectors(PhaseResult result, ScratchPlatform platform) {
        return result.error() == null
                ? result
                : withStoppedConnectors(
                        result, ConnectorStates.fetch(platform.endpoints().connectUrl()), platform.logs());
    }

    static PhaseResult withStoppedConnectors(PhaseResult result, Map<String, String> states, Path logs) {
        List<String> stopped = ConnectorStates.notRunning(states);
        if (stopped.isEmpty()) {
            return result;
        }
        String why = "connectors not running: " + String.join(", ", stopped) + " (Connect's log in " + logs + ")";
        progress(result.phase() + ": " + why);
        return new PhaseResult(
                result.phase(), result.figures(), result.facts(), result.notes(), result.error() + "; " + why);
    }

    private static PhaseResult attempt(String name, PhaseBody body) {
        try {
            return body.run();
        } catch (Exception e) {
            progress(name + " FAILED: " + e);
            return PhaseResult.failed(name, String.valueOf(e));
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
        return machine;
    }

    /** The phases after the cold start, in the order they run. */
    enum Phase {
        FULL_LOAD("Full load"),
        SNAPSHOT("Snapshot"),
        STREAMING("Streaming CDC"),
        LATENCY("End-to-end latency");

        final String title;

        Phase(String title) {
            this.title = title;
        }

        String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Snapshot reads and streaming updates the full load's rows (latency's deltas make their own). */
        boolean needsFullLoad() {
            return this == SNAPSHOT || this == STREAMING;
        }
    }

    @FunctionalInterface
    interface PhaseBody {
        PhaseResult run() throws Exception;
    }

    /** full-load|snapshot|streaming|latency; anything else is named in the error with the valid names. */
    static final class PhaseConverter implements CommandLine.ITypeConverter<Phase> {
        @Override
        public Phase convert(String value) {
            for (Phase phase : Phase.values()) {
                if (phase.option().equalsIgnoreCase(value.strip())) {
                    return phase;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "--phases takes full-load, snapshot, streaming, latency; " + "not '" + value + "'");
        }
    }

    /** small|default, case-insensitive; anything else is named in the error. */
    static final class SizeConverter implements CommandLine.ITypeConverter<BenchSize> {
        @Override
        public BenchSize convert(String value) {
            try {
                return BenchSize.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--size must be small or default, not '" + value + "'");
            }
        }
    }
}
