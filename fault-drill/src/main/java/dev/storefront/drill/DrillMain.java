package dev.storefront.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.contract.cli.DurationText;
import dev.storefront.contract.connect.ConnectorStates;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.run.IsolatedPlatform;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.contract.sql.SqlOutputs;
import dev.storefront.pipeline.config.PipelineConfig;
import dev.storefront.reconciliation.CdcHistoryCheck;
import dev.storefront.reconciliation.OutputReport;
import dev.storefront.reconciliation.PipelineVerifier;
import dev.storefront.reconciliation.VerifyReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "drill",
        mixinStandardHelpOptions = true,
        description = {
            "A fault drill: keeps the seeder's deltas at --rate while it SIGKILLs, then in a second pass restarts "
                    + "gracefully (./platform restart), each component in turn. After each fault it waits until every "
                    + "component is healthy and every connector RUNNING, stops the deltas, verifies every output until "
                    + "it matches PostgreSQL (or --settle passes), counts the changes a committed reader sees twice "
                    + "in the CDC topics and looks for transactions left open (listed as differing); then the deltas "
                    + "go on. Prints a table; exit 1 when anything was lost, doubled, left open or not healed.",
            "Runs on a scratch platform of its own (fault-drill/target/drill-platform, free ports) unless --running.",
            "With --sql the SQL layer runs the shipped jobs throughout: their outputs are verified too, a fault heals "
                    + "only once they run again, and flink-sql may be among --components."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every fault healed, every output matched, nothing seen twice",
            "1:a fault did not heal, an output differed, a change was seen twice or a transaction was left open",
            "2:bad command line",
            "3:the scratch platform did not start"
        })
public final class DrillMain implements Callable<Integer> {

    /** Every component that runs, in the order the drill breaks them. */
    static final List<String> COMPONENTS = List.of("postgres", "kafka", "connect", "registry", "pipeline", "seeder");
    /** The SQL layer's component (with --sql). */
    static final String SQL_LAYER = "flink-sql";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every writer's transaction times out within 10 s: one still open 30 s after the deltas stopped hangs. */
    private static final Duration TRANSACTIONS_END = Duration.ofSeconds(30);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Option(names = "--home", description = "Repository root with .env and the build (default: ${DEFAULT-VALUE}).")
    Path home = Path.of(".");

    @Option(names = "--running", description = "Drill the platform that is up here instead of a scratch one.")
    boolean running;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "The seeder's deltas, operations per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--faults",
            split = ",",
            defaultValue = "kill,restart",
            description = "Which passes, in order: kill, restart (default: ${DEFAULT-VALUE}).")
    List<Fault> faults;

    @Option(
            names = "--components",
            split = ",",
            defaultValue = "postgres,kafka,connect,registry,pipeline,seeder",
            description = "Which components, in order (default: ${DEFAULT-VALUE}).")
    List<String> components;

    @Option(
            names = "--stream",
            defaultValue = "15s",
            converter = DurationText.class,
            description = "How long the deltas run before each fault (default: ${DEFAULT-VALUE}).")
    Duration stream;

    @Option(
            names = "--heal-timeout",
            defaultValue = "3m",
            converter = DurationText.class,
            description = "How long a fault may take to heal (default: ${DEFAULT-VALUE}).")
    Duration healTimeout;

    @Option(
            names = "--settle",
            defaultValue = "3m",
            converter = DurationText.class,
            description = "How long the outputs may take to catch up after a fault (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(
            names = "--sql",
            description = "Run the SQL layer with its shipped jobs (flink-sql/jobs) and drill their outputs too.")
    boolean sql;

    @Option(
            names = "--orders",
            defaultValue = "2000",
            description = "The full load before the drill, in orders (default: ${DEFAULT-VALUE}).")
    int orders;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new DrillMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(100);
    }

    @Override
    public Integer call() throws Exception {
        for (String component : components) {
            if (!COMPONENTS.contains(component) && !(sql && component.equals(SQL_LAYER))) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "Invalid value for option '--components': " + component + " is not a component that runs;"
                                + " one of: " + String.join(", ", COMPONENTS) + " (and " + SQL_LAYER
                                + " with --sql)");
            }
        }
        if (rate < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "Invalid value for option '--rate': must be at least 1, got " + rate);
        }
        IsolatedPlatform platform = running
                ? IsolatedPlatform.attach(home)
                : IsolatedPlatform.create(home, home.resolve("fault-drill/target/drill-platform"));
        if (!running) {
            progress("starting a scratch platform in " + platform.platformDir());
            platform.deleteDir();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(platform), "drill-platform-down"));
            if (platform.launcherAttached(
                            sql ? new String[] {"up", "--detach", "--sql"} : new String[] {"up", "--detach"})
                    != 0) {
                progress("FAILED: the scratch platform did not start; logs in " + platform.platformDir());
                return 3;
            }
        } else if (platform.runState().filter(s -> s.launcherAlive()).isEmpty()) {
            progress("FAILED: --running, but no platform is up here (`./platform up -d` starts one)");
            return 1;
        }
        Drill drill = new Drill(platform);
        if (sql && !drill.submitSqlJobs()) {
            return 1;
        }
        progress("full load of " + orders + " orders, then deltas at " + rate + " ops/s");
        drill.seeder("/seed/full?customers=" + Math.max(orders / 2, 10) + "&products=" + Math.max(orders / 20, 10)
                + "&orders=" + orders + "&seed=7");
        List<FaultResult> results = new ArrayList<>();
        for (Fault fault : faults) {
            for (String component : components) {
                drill.ensureDeltas();
                Thread.sleep(stream.toMillis());
                results.add(drill.inject(fault, component));
                progress("so far:\n" + DrillTable.render(results));
            }
        }
        drill.seeder("/seed/stop");
        System.out.println();
        System.out.print(DrillTable.render(results));
        boolean clean = results.stream().allMatch(FaultResult::clean);
        System.out.println(
                clean
                        ? "Every fault healed; every output matched PostgreSQL; no change was seen twice."
                        : "FAILED: a fault did not heal, an output differed, or a change was seen twice (see above).");
        return clean ? 0 : 1;
    }

    private static void stop(IsolatedPlatform platform) {
        try {
            platform.launcherAttached("down");
        } catch (IOException e) {
            System.err.println("`platform down` failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void progress(String line) {
        System.out.println("[drill] " + line);
        System.out.flush();
    }

    /** One drill against one platform. */
    private final class Drill {

        private final IsolatedPlatform platform;

        Drill(IsolatedPlatform platform) {
            this.platform = platform;
        }

        FaultResult inject(Fault fault, String component) throws Exception {
            Long before = platform.componentPids().get(component);
            progress(fault.label() + " " + component + (before == null ? "" : " (pid " + before + ")"));
            long start = System.nanoTime();
            // A graceful restart that the command itself reports as failed did not heal, whatever happens after.
            boolean restarted = true;
            if (fault == Fault.KILL) {
                if (before == null) {
                    throw new IllegalStateException(component + " has no pid in the launcher's run state");
                }
                ProcessHandle.of(before).ifPresent(ProcessHandle::destroyForcibly);
            } else {
                Result restart = platform.launcher(Map.of(), healTimeout, "restart", component);
                restarted = restart.exitCode() == 0;
                if (!restarted) {
                    progress("`platform restart " + component + "` failed (exit " + restart.exitCode() + "): "
                            + restart.output().strip());
                }
            }
            boolean healed = awaitHealthy(component, before, start) && restarted;
            double seconds = (System.nanoTime() - start) / 1e9;
            progress(
                    healed
                            ? String.format(java.util.Locale.ROOT, "healthy again after %.1f s", seconds)
                            : restarted
                                    ? "NOT healthy within " + healTimeout.toSeconds() + " s"
                                    : "NOT healed: the restart command failed");
            seeder("/seed/stop");
            VerifyReport report = awaitReconciled();
            long seenTwice = report.outputs().stream()
                    .filter(output -> output.output().endsWith(CdcHistoryCheck.SEEN_ONCE))
                    .mapToLong(output -> output.wrong() + output.extra())
                    .sum();
            List<String> differing = new ArrayList<>(report.outputs().stream()
                    .filter(output -> !output.matches())
                    .map(OutputReport::output)
                    .toList());
            Set<String> hanging = OpenTransactions.lasting(platform.endpoints().kafkaBootstrap(), TRANSACTIONS_END);
            if (!hanging.isEmpty()) {
                progress("transactions open for over " + TRANSACTIONS_END.toSeconds() + " s with the deltas stopped: "
                        + hanging);
                hanging.forEach(partition -> differing.add("open transaction on " + partition));
            }
            return new FaultResult(
                    fault,
                    component,
                    seconds,
                    healed,
                    seenTwice,
                    report.outputs().size() - (differing.size() - hanging.size()),
                    differing.size(),
                    differing);
        }

        /** Submits each shipped SQL job that does not run yet (the SQL layer starts on the first); false on failure. */
        boolean submitSqlJobs() throws IOException, InterruptedException {
            Set<String> running = runningSqlJobs();
            for (String job : SqlOutputs.JOB_FILES) {
                if (running.contains(job)) {
                    continue;
                }
                Path file = Path.of(SqlOutputs.JOBS_DIR, job);
                progress("submitting " + file);
                Result submitted = platform.launcher(Map.of(), healTimeout, "sql", "-f", file.toString());
                if (submitted.exitCode() != 0) {
                    progress("FAILED: `platform sql -f " + file + "` (exit " + submitted.exitCode() + "): "
                            + submitted.output().strip());
                    return false;
                }
            }
            return true;
        }

        /** The shipped SQL jobs' files that run as a job now (none while the SQL layer is down). */
        private Set<String> runningSqlJobs() {
            return new FlinkJobs(platform.endpoints().flinkUrl()).runningFiles(SqlOutputs.JOB_FILES);
        }

        /**
         * Every component up with a new process (a fresh pid) and healthy, every connector and task RUNNING, and with
         * --sql every shipped SQL job.
         */
        private boolean awaitHealthy(String component, Long before, long start) throws InterruptedException {
            long deadline = start + healTimeout.toNanos();
            String waitingFor = "";
            while (System.nanoTime() < deadline) {
                waitingFor = unhealthy(component, before);
                if (waitingFor.isEmpty()) {
                    return true;
                }
                // Each look runs `platform status` (a JVM): every 3 s, not every second, on a machine already busy.
                Thread.sleep(3000);
            }
            progress("still waiting for " + waitingFor);
            return false;
        }

        /** What is not healthy yet after a fault of {@code component} (empty once everything is). */
        private String unhealthy(String component, Long before) {
            Long now = platform.componentPids().get(component);
            if (now == null || now.equals(before)) {
                return "a new " + component + " process";
            }
            Result status = platform.launcher(Map.of(), Duration.ofMinutes(1), "status");
            if (status.exitCode() != 0) {
                return "`platform status` to exit 0 (exit " + status.exitCode() + "):\n"
                        + status.output().strip();
            }
            Map<String, String> connectors =
                    ConnectorStates.fetch(platform.endpoints().connectUrl());
            if (!ConnectorStates.allRunning(connectors)) {
                return "every connector and task RUNNING: " + connectors;
            }
            if (sql) {
                Set<String> running = runningSqlJobs();
                if (!running.containsAll(SqlOutputs.JOB_FILES)) {
                    return "every shipped SQL job RUNNING; running now: " + running;
                }
            }
            return "";
        }

        /** verify, in-process, until every output matches or --settle has passed; its last report. */
        private VerifyReport awaitReconciled() throws InterruptedException, SQLException {
            long deadline = System.nanoTime() + settle.toNanos();
            VerifyReport report;
            while (true) {
                report = new PipelineVerifier(PipelineConfig.load(platform.env()), Duration.ofMinutes(2)).verify();
                if (report.allMatch() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(5000);
            }
            progress(
                    report.allMatch()
                            ? "every output matches PostgreSQL"
                            : "outputs still differ after " + settle.toSeconds() + " s:\n" + report.render());
            return report;
        }

        void ensureDeltas() throws IOException, InterruptedException {
            if (!get(platform.endpoints().seederUrl() + "/seed/status")
                    .path("running")
                    .asBoolean()) {
                seeder("/seed/start?rate=" + rate);
            }
        }

        void seeder(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(platform.endpoints().seederUrl() + path))
                            .timeout(Duration.ofMinutes(10))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "The seeder answered " + path + " with " + response.statusCode() + ": " + response.body());
            }
        }

        private JsonNode get(String url) throws IOException {
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered " + response.statusCode());
                }
                return JSON.readTree(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
