package dev.storefront.flinksql.submit;

import dev.storefront.contract.Placeholders;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.flinksql.script.SqlErrors;
import dev.storefront.flinksql.script.SqlScript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;

/**
 * A {@code .sql} file run as one continuous job on the SQL layer's cluster: the platform's catalog first, then the
 * file's statements ({@code ${VAR}} from .env; SET and DDL in order, every INSERT INTO into one statement set), then
 * the job, named after the file, submitted once every statement has passed Flink's parser and validator. A statement
 * Flink refuses is reported with its line and column in the file, and nothing is submitted.
 */
public final class SqlSubmission {

    /**
     * How often the running jobs take a checkpoint: their state and offsets, and the commit of their exactly-once
     * sinks' transactions (what readers of committed records see, so the outputs' delay).
     */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    /** How long a submitted job may take to have all its tasks running. */
    static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(90);

    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'([^']+)'\\s*=\\s*'([^']*)'");

    private final PlatformEnv env;
    private final PrintStream out;

    public SqlSubmission(PlatformEnv env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /** Submits {@code file} and returns its running job's id. */
    public String submit(Path file) throws SqlFileException, InterruptedException {
        return submit(file, Optional.empty());
    }

    /** The same, its state and offsets restored from {@code checkpoint} when there is one. */
    public String submit(Path file, Optional<Path> checkpoint) throws SqlFileException, InterruptedException {
        String name = FlinkJobs.jobName(file);
        List<SqlScript.Statement> statements = statements(file);
        String flinkUrl = new PlatformEndpoints(env).flinkUrl();
        FlinkJobs jobs = new FlinkJobs(flinkUrl);
        Optional<FlinkJobs.Job> running;
        try {
            running = jobs.running(name);
        } catch (IOException e) {
            throw new SqlFileException("The SQL layer's Flink cluster does not answer at " + flinkUrl + " ("
                    + e.getMessage() + "): start it with `./platform sql` or `./platform up --sql`.");
        }
        if (running.isPresent()) {
            throw new SqlFileException(
                    file + " already runs as job " + running.get().id() + " (" + name
                            + "): cancel it first (`./platform sql --cancel " + file.getFileName() + "`).");
        }
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inStreamingMode()
                .withConfiguration(clusterConfiguration(name, checkpoint))
                .build());
        for (SqlScript.Statement statement : PlatformCatalog.statements(env)) {
            tables.executeSql(statement.text());
        }
        StatementSet inserts = tables.createStatementSet();
        int insertCount = 0;
        for (SqlScript.Statement statement : statements) {
            try {
                switch (statement.keyword()) {
                    case "INSERT" -> {
                        inserts.addInsertSql(statement.text());
                        insertCount++;
                    }
                    case "SET" -> set(tables, statement, file);
                    case "SELECT", "EXECUTE", "BEGIN", "STATEMENT" ->
                        throw new SqlFileException(at(file, statement)
                                + "a submitted file runs its INSERT INTO statements as one job; run queries and "
                                + "statement sets in the interactive session (`./platform sql`)");
                    default -> tables.executeSql(statement.text());
                }
            } catch (RuntimeException e) {
                throw new SqlFileException(
                        at(file, statement) + SqlErrors.inFile(SqlErrors.flinkMessage(e), statement), e);
            }
        }
        if (insertCount == 0) {
            throw new SqlFileException(file + ": no INSERT INTO statement, so there is no job to run");
        }
        SinkTargets.ensure(
                tables,
                new PlatformEndpoints(env).kafkaBootstrap(),
                Integer.parseInt(env.require(PlatformVariable.CDC_TOPIC_PARTITIONS)),
                out);
        JobClient job = submitted(inserts, name);
        out.println("Submitted " + file + " as job " + job.getJobID() + " (" + name + ", " + insertCount + " INSERT "
                + (insertCount == 1 ? "statement" : "statements") + "); waiting for its tasks ...");
        awaitRunning(job, file);
        out.println("Running: " + flinkUrl + "/#/job/running/" + job.getJobID());
        return job.getJobID().toString();
    }

    private List<SqlScript.Statement> statements(Path file) throws SqlFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SqlFileException("No such SQL file: " + file);
        } catch (IOException e) {
            throw new SqlFileException("Cannot read " + file + ": " + e.getMessage());
        }
        Placeholders.Rendered rendered = Placeholders.render(text, env.asMap());
        if (!rendered.undefined().isEmpty()) {
            throw new SqlFileException(file + " uses variables that .env and the environment do not define: "
                    + String.join(", ", rendered.undefined()));
        }
        List<SqlScript.Statement> statements = SqlScript.parse(rendered.text());
        if (statements.isEmpty()) {
            throw new SqlFileException(file + " has no SQL statement");
        }
        return statements;
    }

    private Configuration clusterConfiguration(String name, Optional<Path> checkpoint) {
        Configuration config = new Configuration();
        config.set(DeploymentOptions.TARGET, "remote");
        config.set(RestOptions.ADDRESS, env.require(PlatformVariable.FLINK_HOST));
        config.set(RestOptions.PORT, env.port(PlatformVariable.FLINK_PORT));
        config.set(PipelineOptions.NAME, name);
        // One task per operator: the mini-cluster is shared by every job on 2 cores.
        config.set(CoreOptions.DEFAULT_PARALLELISM, 1);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, CHECKPOINT_INTERVAL);
        // Kept when the cluster stops (its jobs are cancelled then): the next start resumes from it.
        config.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        checkpoint.ifPresent(path -> config.set(StateRecoveryOptions.SAVEPOINT_PATH, path.toString()));
        return config;
    }

    private static void set(TableEnvironment tables, SqlScript.Statement statement, Path file) throws SqlFileException {
        Matcher set = SET.matcher(statement.text());
        if (!set.matches()) {
            throw new SqlFileException(at(file, statement) + "write SET as SET 'key' = 'value'");
        }
        if (set.group(1).equals(PipelineOptions.NAME.key())) {
            throw new SqlFileException(at(file, statement) + "the job is named after its file; "
                    + PipelineOptions.NAME.key() + " cannot be set");
        }
        tables.getConfig().getConfiguration().setString(set.group(1), set.group(2));
    }

    private static JobClient submitted(StatementSet inserts, String name) throws SqlFileException {
        try {
            TableResult result = inserts.execute();
            return result.getJobClient()
                    .orElseThrow(() -> new SqlFileException("Flink accepted " + name + " without starting a job"));
        } catch (RuntimeException e) {
            throw new SqlFileException("Flink did not accept " + name + ": " + SqlErrors.flinkMessage(e), e);
        }
    }

    /** Waits until every task runs; a job that fails or stalls first is cancelled, so nothing is left behind. */
    private void awaitRunning(JobClient job, Path file) throws SqlFileException, InterruptedException {
        long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
        JobStatus status = JobStatus.INITIALIZING;
        while (System.nanoTime() < deadline) {
            try {
                status = job.getJobStatus().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                break;
            }
            if (status == JobStatus.RUNNING) {
                return;
            }
            if (status.isTerminalState() || status == JobStatus.FAILING || status == JobStatus.RESTARTING) {
                break;
            }
            Thread.sleep(250);
        }
        String cause = failure(job);
        try {
            job.cancel().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException ignored) {
            // already ended
        }
        throw new SqlFileException(file + ": job " + job.getJobID() + " did not run (" + status + ")"
                + (cause.isEmpty() ? "" : ": " + cause) + "; it was cancelled");
    }

    private static String failure(JobClient job) {
        try {
            job.getJobExecutionResult().get(2, TimeUnit.SECONDS);
            return "";
        } catch (ExecutionException e) {
            return SqlErrors.flinkMessage(e);
        } catch (Exception e) {
            return "";
        }
    }

    private static String at(Path file, SqlScript.Statement statement) {
        return file + ":" + statement.line() + ":" + statement.column() + ": ";
    }
}
