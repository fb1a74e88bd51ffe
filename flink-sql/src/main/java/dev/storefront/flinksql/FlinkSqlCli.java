package dev.storefront.flinksql;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.flinksql.client.ClientConfiguration;
import dev.storefront.flinksql.client.InteractiveSession;
import dev.storefront.flinksql.cluster.SqlCluster;
import dev.storefront.flinksql.submit.SqlFileException;
import dev.storefront.flinksql.submit.SqlSubmission;
import dev.storefront.flinksql.submit.SubmittedJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** The SQL layer's command line: the cluster, an interactive session, a file submitted as a job. */
@Command(
        name = "flink-sql",
        mixinStandardHelpOptions = true,
        description = {
            "The storefront platform's SQL layer on Apache Flink. Settings come from .env and the environment "
                    + "(the environment wins). `./platform sql` runs these for you."
        },
        subcommands = {
            FlinkSqlCli.ClusterCommand.class,
            FlinkSqlCli.SubmitCommand.class,
            FlinkSqlCli.ClientCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FlinkSqlCli implements Callable<Integer> {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CONFIG = 3;

    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "The platform's .env (default: ./.env when there is one; else the environment only).")
    Path envFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FlinkSqlCli())
                .setUsageHelpWidth(100)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof PlatformEnvException) {
                        command.getErr().println("flink-sql: " + e.getMessage());
                        return CONFIG;
                    }
                    throw e;
                })
                .execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return USAGE;
    }

    PlatformEnv env() {
        Map<String, String> environment = System.getenv();
        if (envFile != null) {
            return PlatformEnv.load(envFile, environment);
        }
        Path local = Path.of(".env");
        return Files.isRegularFile(local) ? PlatformEnv.load(local, environment) : PlatformEnv.of(environment);
    }

    @Command(
            name = "cluster",
            mixinStandardHelpOptions = true,
            description = "Run the Flink mini-cluster (REST API and web UI on BIND_ADDRESS:FLINK_PORT) until stopped.")
    static final class ClusterCommand implements Callable<Integer> {

        @CommandLine.ParentCommand
        FlinkSqlCli cli;

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

        @Override
        public Integer call() throws Exception {
            PlatformEnv env = cli.env();
            ClientConfiguration.write(
                    clientConf, env.require(PlatformVariable.FLINK_HOST), env.port(PlatformVariable.FLINK_PORT));
            SqlCluster.run(
                    SqlCluster.configuration(
                            env.require(PlatformVariable.BIND_ADDRESS), env.port(PlatformVariable.FLINK_PORT), dataDir),
                    () -> {
                        if (jobsDir != null) {
                            new SubmittedJobs(jobsDir, SqlCluster.checkpoints(dataDir)).resubmit(env, System.out);
                        }
                    });
            return 0;
        }
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = {
                "Run a .sql file as one continuous job on the running cluster: the platform's catalog, then the "
                        + "file's SET, DDL and INSERT INTO statements (${VAR} from .env). A statement Flink refuses "
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
                return USAGE;
            }
            PlatformEnv env = cli.env();
            try {
                String jobId = new SqlSubmission(env, System.out).submit(file);
                if (keepIn != null) {
                    new SubmittedJobs(keepIn, SqlCluster.checkpoints(clusterData)).keep(file, jobId);
                }
                return 0;
            } catch (SqlFileException e) {
                System.err.println(env.mask(e.getMessage()));
                return FAILED;
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
