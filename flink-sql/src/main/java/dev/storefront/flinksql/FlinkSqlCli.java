package dev.storefront.flinksql;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.cli.ExitCode;
import dev.storefront.contract.cli.ToolCli;
import dev.storefront.flinksql.client.ClientConfiguration;
import dev.storefront.flinksql.client.InteractiveSession;
import dev.storefront.flinksql.cluster.SqlCluster;
import dev.storefront.flinksql.submit.SqlFileException;
import dev.storefront.flinksql.submit.SqlSubmission;
import dev.storefront.flinksql.submit.SubmittedJobs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The SQL layer's command line: the cluster, an interactive session, a file submitted as a job. */
@Command(
        name = "flink-sql",
        mixinStandardHelpOptions = true,
        description = {
            "The storefront platform's SQL layer on Apache Flink. Settings come from .env and the environment "
                    + "(the environment wins). `./platform sql` runs these for you."
        },
        subcommands = {
            FlinkSqlCli.TaskManagerCommand.class,
            FlinkSqlCli.SubmitCommand.class,
            FlinkSqlCli.ClientCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FlinkSqlCli implements Callable<Integer> {

    @CommandLine.Mixin
    private ToolCli.EnvFile envFile = new ToolCli.EnvFile();

    public static void main(String[] args) {
        FlinkSqlCli cli = new FlinkSqlCli();
        System.exit(ToolCli.commandLine(
                        cli,
                        "flink-sql",
                        cli.envFile,
                        "ok (a job: it runs)",
                        "Flink refused the SQL (at its line and column), or a job failed")
                .execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return ExitCode.USAGE;
    }

    /** The settings: --env-file, else ./.env when there is one, else the environment only (which wins). */
    PlatformEnv env() {
        return envFile.load(System.getenv());
    }

    /** Where a cluster keeps its state and tells clients where it is: the mini-cluster's and the job manager's. */
    static final class ClusterFolders {

        @Option(names = "--data-dir", required = true, description = "Where checkpoints go.")
        Path dataDir;

        @Option(
                names = "--client-conf",
                required = true,
                description = "The folder where it writes the SQL client's config.yaml (its address).")
        Path clientConf;

        @Option(
                names = "--jobs-dir",
                description = "Where the files of its running jobs are kept: submitted again at start.")
        Path jobsDir;

        /** Writes the client's config.yaml and returns what resubmits the kept jobs once the cluster answers. */
        SqlCluster.Startup prepare(PlatformEnv env) throws IOException {
            ClientConfiguration.write(
                    clientConf, env.require(PlatformVariable.FLINK_HOST), env.port(PlatformVariable.FLINK_PORT));
            return () -> {
                if (jobsDir != null) {
                    new SubmittedJobs(jobsDir, SqlCluster.checkpoints(dataDir)).resubmit(env, System.out);
                }
            };
        }

        Configuration configuration(PlatformEnv env) {
            return SqlCluster.configuration(
                    env.require(PlatformVariable.BIND_ADDRESS),
                    env.port(PlatformVariable.FLINK_PORT),
                    dataDir,
                    env.require(PlatformVariable.FLINK_HOST));
        }
    }

    @Command(
            name = "cluster",
            mixinStandardHelpOptions = true,
            description = {
                "Run the Flink mini-cluster (job manager and task manager in this JVM; REST API and web UI on "
                        + "BIND_ADDRESS:FLINK_PORT) until stopped: local mode's SQL layer."
            })
    int cluster(@CommandLine.Mixin ClusterFolders folders) throws Exception {
        PlatformEnv env = env();
        SqlCluster.run(folders.configuration(env), folders.prepare(env));
        return ExitCode.OK;
    }

    @Command(
            name = "jobmanager",
            mixinStandardHelpOptions = true,
            description = {
                "Run a standalone Flink job manager (REST API and web UI on BIND_ADDRESS:FLINK_PORT, reached as "
                        + "FLINK_HOST) until stopped; task managers register with it. Compose's SQL layer."
            })
    int jobManager(@CommandLine.Mixin ClusterFolders folders) throws Exception {
        PlatformEnv env = env();
        SqlCluster.runJobManager(folders.configuration(env), folders.prepare(env));
        return ExitCode.OK;
    }

    @Command(
            name = "taskmanager",
            mixinStandardHelpOptions = true,
            description = {
                "Run a standalone Flink task manager that registers with the job manager at FLINK_HOST, until "
                        + "stopped. --data-dir must be the job manager's (a shared volume): both write checkpoints."
            })
    static final class TaskManagerCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        FlinkSqlCli cli;

        @Option(names = "--data-dir", required = true, description = "Where checkpoints go: the job manager's.")
        Path dataDir;

        @Override
        public Integer call() {
            PlatformEnv env = cli.env();
            SqlCluster.runTaskManager(SqlCluster.taskManager(
                    env.require(PlatformVariable.BIND_ADDRESS),
                    env.port(PlatformVariable.FLINK_PORT),
                    dataDir,
                    env.require(PlatformVariable.FLINK_HOST)));
            return ExitCode.OK;
        }
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = {
                "Run a .sql file as one continuous job on the running cluster: the platform's catalog, then the "
                        + "file's SET, DDL and INSERT INTO statements ($${VAR} from .env). A statement Flink refuses "
                        + "is reported with its line and column, and nothing is submitted."
            })
    static final class SubmitCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        FlinkSqlCli cli;

        @Parameters(paramLabel = "FILE", description = "The .sql file.")
        Path file;

        @Option(
                names = "--keep-in",
                paramLabel = "DIR",
                description = "Keep the file there once its job runs (the cluster's --jobs-dir).")
        Path keepIn;

        @Option(
                names = "--cluster-data",
                paramLabel = "DIR",
                description = "The cluster's --data-dir, whose checkpoints a kept job resumes from (with --keep-in).")
        Path clusterData;

        @Override
        public Integer call() throws InterruptedException, IOException {
            if (keepIn != null && clusterData == null) {
                System.err.println("flink-sql submit: --keep-in needs --cluster-data (where its checkpoints are)");
                return ExitCode.USAGE;
            }
            PlatformEnv env = cli.env();
            try {
                String jobId = new SqlSubmission(env, System.out).submit(file);
                if (keepIn != null) {
                    new SubmittedJobs(keepIn, SqlCluster.checkpoints(clusterData)).keep(file, jobId);
                }
                return ExitCode.OK;
            } catch (SqlFileException e) {
                System.err.println(env.mask(e.getMessage()));
                return ExitCode.FAILED;
            }
        }
    }

    @Command(
            name = "client",
            mixinStandardHelpOptions = true,
            description = "Flink's SQL client on the running cluster, with the platform's catalog declared.")
    static final class ClientCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        FlinkSqlCli cli;

        @Option(names = "--work-dir", required = true, description = "Where the session keeps its catalog and history.")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            return InteractiveSession.run(cli.env(), workDir);
        }
    }
}
