package dev.storefront.platform;

import dev.storefront.contract.cli.DurationText;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.platform.process.ForegroundJava;
import dev.storefront.platform.process.JavaCommand;
import dev.storefront.platform.sql.FlinkSqlComponent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "The SQL layer (Apache Flink) over the change streams. Without options: Flink's interactive SQL client, "
                    + "with a table declared over every CDC topic (customers, products, orders, order_items, "
                    + "payments: changelogs with their updates and deletes), the outbox (outbox_messages) and the "
                    + "shipped jobs' sinks; results print as tables as they change; QUIT; leaves. "
                    + "With -f FILE: the file's statements ($${VAR} from .env) run as one continuous job; a statement "
                    + "Flink refuses is reported with its line and column, and nothing is submitted.",
            "The Flink mini-cluster (web UI on FLINK_PORT) is started on the running platform when it is not up "
                    + "(`./platform up --sql` starts it with the platform); it submits the files of its running jobs "
                    + "again whenever it starts again. Paths are relative to the repository root."
        })
final class SqlCommand implements Callable<Integer> {

    /** The SQL client's and the submitter's JVM: Flink's planner. */
    private static final String TOOL_HEAP = "512m";

    @ParentCommand
    PlatformCli cli;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(
                names = {"-f", "--file"},
                paramLabel = "FILE",
                description = "Run the .sql file as a continuous job (e.g. flink-sql/jobs/order-facts.sql).")
        Path file;

        @Option(names = "--cancel", paramLabel = "FILE", description = "Cancel the running job of this .sql file.")
        Path cancel;

        @Option(names = "--jobs", description = "List the SQL layer's jobs and their states.")
        boolean jobs;
    }

    @Option(
            names = "--start-timeout",
            description = "How long to wait for the Flink mini-cluster to start (default: ${DEFAULT-VALUE}).",
            converter = DurationText.class)
    Duration startTimeout = Duration.ofMinutes(3);

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Layout layout = cli.layout();
        FlinkSqlComponent cluster = new FlinkSqlComponent(layout);
        FlinkJobs jobs = new FlinkJobs(layout.endpoints().flinkUrl());
        if (action != null && (action.cancel != null || action.jobs)) {
            if (!cluster.isHealthy()) {
                err.println("sql: the SQL layer is not running (`./platform sql` starts it).");
                return PlatformCli.FAILED;
            }
            return action.jobs ? listJobs(jobs, out) : cancel(layout, jobs, action.cancel, out, err);
        }
        if (!cluster.isHealthy()) {
            int started = RestartCommand.askLauncher(layout, "sql", FlinkSqlComponent.NAME, startTimeout, out, err);
            if (started != 0) {
                return started;
            }
        }
        out.flush();
        if (action != null && action.file != null) {
            return ForegroundJava.run(
                    layout,
                    tool("error", layout),
                    List.of(
                            "submit",
                            action.file.toString(),
                            "--keep-in",
                            layout.flinkSqlJobsDir().toString(),
                            "--cluster-data",
                            layout.dataDir(FlinkSqlComponent.NAME).toString()));
        }
        return ForegroundJava.run(
                layout,
                tool("error", layout),
                List.of("client", "--work-dir", layout.flinkSqlSessionDir().toString()),
                Map.of("FLINK_CONF_DIR", layout.flinkSqlClientConf().toString()));
    }

    /** The layer's jar as a tool: its own messages on the terminal, Flink's and Kafka's logs from {@code level} up. */
    private static JavaCommand tool(String level, Layout layout) {
        return JavaCommand.withHeap(TOOL_HEAP)
                .option("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + level)
                .jar(layout.flinkSqlJar());
    }

    private static int listJobs(FlinkJobs jobs, PrintWriter out) throws IOException, InterruptedException {
        List<FlinkJobs.Job> all = jobs.list();
        if (all.isEmpty()) {
            out.println("No SQL job (./platform sql -f FILE submits one).");
        }
        all.forEach(job -> out.printf("  %-40s %-10s %s%n", job.name(), job.state(), job.id()));
        return 0;
    }

    private static int cancel(Layout layout, FlinkJobs jobs, Path file, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        String name = FlinkJobs.jobName(file);
        Optional<FlinkJobs.Job> running = jobs.running(name);
        if (running.isEmpty()) {
            err.println("sql: no running job of " + file + " (`./platform sql --jobs` lists them).");
            return PlatformCli.FAILED;
        }
        jobs.cancel(running.get().id());
        Files.deleteIfExists(layout.flinkSqlJobsDir().resolve(file.getFileName()));
        Files.deleteIfExists(layout.flinkSqlJobsDir().resolve(file.getFileName() + ".jobs"));
        out.println("Cancelled " + name + " (job " + running.get().id()
                + "); it is not submitted again at the next start.");
        return 0;
    }
}
