package dev.storefront.console.metrics;

import dev.storefront.console.ConsoleMain;
import dev.storefront.console.metrics.MetricsSummary.Row;
import dev.storefront.console.metrics.MetricsSummary.Scrape;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.cli.DurationText;
import dev.storefront.contract.cli.ExitCode;
import dev.storefront.contract.metrics.PlatformSeries.Source;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = {
            "A compact live summary of the platform's Prometheus endpoints (the broker's and Connect's JMX exporters, "
                    + "Debezium's streaming metrics among them, the pipeline's /metrics, the seeder's /q/metrics): "
                    + "counters as rates, levels as they are, one line per series. Refreshes every --interval until "
                    + "Ctrl-C; --once prints one table (counters then as totals) and exits 1 when an endpoint did not "
                    + "answer."
        })
public final class MetricsCommand implements Callable<Integer> {

    @ParentCommand
    private ConsoleMain console;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--interval",
            defaultValue = "2s",
            converter = DurationText.class,
            paramLabel = "DURATION",
            description = "Time between two tables, over which counters become rates (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--once", description = "Print one table and exit.")
    private boolean once;

    private Integer count;

    @Option(
            names = "--count",
            paramLabel = "N",
            description = "Print N tables of rates and exit (default: until Ctrl-C).")
    private void count(int n) {
        if (n < 1) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '--count': must be 1 or more, got " + n);
        }
        this.count = n;
    }

    @Override
    public Integer call() throws InterruptedException {
        PlatformEndpoints endpoints = new PlatformEndpoints(console.env());
        PrintWriter out = spec.commandLine().getOut();
        Map<Source, Scrape> previous = MetricsSummary.scrapeAll(endpoints);
        long previousAt = System.nanoTime();
        if (once) {
            print(out, MetricsSummary.rows(null, previous, 0));
            return previous.values().stream().allMatch(s -> s.error() == null) ? ExitCode.OK : ExitCode.FAILED;
        }
        for (int table = 0; count == null || table < count; table++) {
            Thread.sleep(interval.toMillis());
            Map<Source, Scrape> current = MetricsSummary.scrapeAll(endpoints);
            long now = System.nanoTime();
            if (System.console() != null) {
                out.print("\033[H\033[2J"); // a live view in a terminal: each table replaces the last
            }
            out.println("platform metrics at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                    + ", rates over the last " + DurationText.format(interval) + " (Ctrl-C stops)");
            print(out, MetricsSummary.rows(previous, current, (now - previousAt) / 1e9));
            previous = current;
            previousAt = now;
        }
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, List<Row> rows) {
        int caption = rows.stream().mapToInt(r -> r.caption().length()).max().orElse(6);
        String line = "%-9s %-" + caption + "s  %s%n";
        out.printf(line, "COMPONENT", "SERIES", "VALUE");
        rows.forEach(row -> out.printf(line, row.component(), row.caption(), row.value()));
        out.flush();
    }
}
