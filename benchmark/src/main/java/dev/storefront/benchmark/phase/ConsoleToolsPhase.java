package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.Target;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.run.ProcessMemory;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console tools: the budgets of seeing the platform, on the benchmarked platform after the load phases. `platform tail
 * --measure` decodes the order_items change topic from its first record (at least 20,000 records/s), and the web
 * console's resident memory is read while its charts sample (at most 200 MB).
 */
public final class ConsoleToolsPhase {

    public static final String NAME = "Console tools";

    static final Target TAIL_TARGET = Target.atLeast(20_000);
    static final Target RSS_TARGET = Target.atMost(200);
    /** The whole platform, console included (optional layers excluded). */
    static final Target PLATFORM_MEMORY_TARGET = Target.atMost(2_048);

    private static final Pattern MEASURED = Pattern.compile(
            "tail: (\\d+) records of \\S+ read and decoded in ([0-9.]+) s from the first \\((\\d+) records/s\\)");
    /** Long enough for the charts to have sampled a few times (every 2 s) with their consumers running. */
    private static final Duration CHARTS_RUNNING = Duration.ofSeconds(10);

    private ConsoleToolsPhase() {}

    public static PhaseResult run(BenchContext ctx) throws IOException, InterruptedException {
        String topic = new CdcTopicNames(ctx.platform().endpoints().topicPrefix()).table("order_items");
        Result tail = ctx.platform().launcher(Duration.ofMinutes(5), "tail", topic, "--from-beginning", "--measure");
        Matcher measured = MEASURED.matcher(tail.output());
        if (tail.exitCode() != 0 || !measured.find()) {
            return PhaseResult.failed(
                    NAME,
                    "`platform tail " + topic + " --from-beginning --measure` printed no rate (exit " + tail.exitCode()
                            + "): " + tail.output().strip());
        }
        long records = Long.parseLong(measured.group(1));
        double rate = Double.parseDouble(measured.group(3));
        progress(String.format("console tools: tail decoded %,d records at %,.0f records/s", records, rate));

        String rates = ctx.platform().endpoints().consoleUrl() + "/api/overview/rates";
        long deadline = System.nanoTime() + CHARTS_RUNNING.toNanos();
        while (System.nanoTime() < deadline) {
            ctx.http().get(rates); // as an open overview page does: keeps the sampler and its consumers running
            Thread.sleep(2000);
        }
        double rssMb = residentMegabytes(ctx.pids().get("console"));
        progress(String.format("console tools: the console holds %.0f MB resident with its charts running", rssMb));
        Map<String, Double> memory = platformMemory(ctx.pids());
        double platformMb =
                memory.values().stream().mapToDouble(Double::doubleValue).sum();
        progress(String.format("console tools: the platform holds %.0f MB in all (%s)", platformMb, memory));

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("tailRecords", records);
        facts.put("tailSeconds", Double.parseDouble(measured.group(2)));
        facts.put("memoryMbByComponent", memory);
        return new PhaseResult(
                NAME,
                List.of(
                        Figure.of("tail: " + topic + " decoded from the first record", rate, "records/s")
                                .withTarget(TAIL_TARGET),
                        Figure.of("console resident memory, charts sampling", rssMb, "MB")
                                .withTarget(RSS_TARGET),
                        Figure.of("platform memory (every component's processes, PSS)", platformMb, "MB")
                                .withTarget(PLATFORM_MEMORY_TARGET)),
                facts,
                List.of(
                        "tail runs as a user runs it (`./platform tail ... --measure`: a JVM start, then every record"
                                + " read committed and decoded through the registry to JSON, not printed); the rate"
                                + " counts from the first record, so the JVM start is not in it.",
                        "The console's RSS is read from /proc after 10 s of chart requests, with its two latency"
                                + " probes consuming and its rate sampler asking the broker every 2 s.",
                        "Platform memory: the proportional set size (/proc/<pid>/smaps_rollup Pss: shared pages split"
                                + " among the processes that map them, so PostgreSQL's shared buffers count once) of"
                                + " each component's process and its descendants, at the end of the run."),
                null);
    }

    /** Each component's PSS in MB: its process and its descendants (PostgreSQL's backends). */
    static Map<String, Double> platformMemory(Map<String, Long> pids) {
        Map<String, Double> memory = new LinkedHashMap<>();
        pids.forEach((component, pid) ->
                memory.put(component, Math.round(ProcessMemory.proportionalMegabytes(pid) * 10) / 10.0));
        return memory;
    }

    private static double residentMegabytes(Long pid) throws IOException {
        if (pid == null) {
            throw new IOException("the console has no pid in the launcher's run state");
        }
        return ProcessMemory.residentMegabytes(pid);
    }
}
