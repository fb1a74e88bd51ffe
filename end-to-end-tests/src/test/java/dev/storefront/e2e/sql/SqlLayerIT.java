package dev.storefront.e2e.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.run.Command.Result;
import dev.storefront.contract.sql.FlinkJobs;
import dev.storefront.contract.sql.SqlOutputs;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.LocalPlatformExtension;
import dev.storefront.e2e.support.SeederClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL layer on the shared platform: `./platform sql -f` starts the Flink mini-cluster on request and runs the
 * three shipped jobs, whose outputs `verify` reconciles with PostgreSQL after deltas; the interactive session answers a
 * query typed on standard input with what PostgreSQL says; a wrong file is refused at its line and column and leaves
 * no job. After a kill -9 of the cluster mid-stream the launcher restarts it, it submits its jobs again, and their
 * outputs reconcile again. The jobs are cancelled at the end, so later tests' verify leaves their outputs alone.
 */
@Order(20)
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlLayerIT {

    /** The SQL layer's component, as the launcher names it. */
    private static final String CLUSTER = "flink-sql";

    /** How long a restarted cluster may take to run its three jobs again (a bound, not a speed assertion). */
    private static final Duration RESUBMISSION_TIMEOUT = Duration.ofMinutes(5);

    private static LocalPlatform shared;

    @Test
    @Order(1)
    void theShippedJobsOutputsReconcileWithPostgresAfterDeltas(LocalPlatform platform) throws Exception {
        shared = platform;
        SeederClient seeder = new SeederClient(platform);
        seeder.fullLoad(200, 40, 400, 17);
        for (String job : SqlOutputs.JOB_FILES) {
            Result submitted = platform.platform("sql", "-f", SqlOutputs.JOBS_DIR + "/" + job);
            assertThat(submitted.exitCode()).as(submitted.output()).isZero();
            assertThat(submitted.output()).contains("Running: ");
        }
        Result status = platform.platform("status");
        assertThat(status.output()).containsPattern("flink-sql\\s+healthy").contains("SQL layer: Flink mini-cluster");

        seeder.deltasWhile(100, () -> Thread.sleep(8000));

        assertSqlOutputsMatch(platform, platform.awaitVerified());
    }

    @Test
    @Order(2)
    void killingTheClusterMidStreamResubmitsItsJobsAndTheyStillReconcile(LocalPlatform platform) throws Exception {
        SeederClient seeder = new SeederClient(platform);
        long before = platform.componentPids().getOrDefault(CLUSTER, -1L);
        FlinkJobs jobs = new FlinkJobs(platform.endpoints().flinkUrl());
        seeder.deltasWhile(100, () -> {
            Thread.sleep(3000);
            ProcessHandle.of(before).ifPresent(ProcessHandle::destroyForcibly);
            Thread.sleep(3000);
        });
        // The restarted cluster plans each kept file again, one after the other, in a JVM just started: ~60, 25 and
        // 40 s here (flink-sql.log), more on a busier machine. Its jobs then catch up on what the deltas wrote.
        await().atMost(RESUBMISSION_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> platform.componentPids().getOrDefault(CLUSTER, before) != before
                        && jobs.runningFiles(SqlOutputs.JOB_FILES).containsAll(SqlOutputs.JOB_FILES));

        assertSqlOutputsMatch(platform, platform.awaitVerified());
    }

    @Test
    @Order(3)
    void theInteractiveSessionAnswersAQueryWithWhatPostgresHolds(LocalPlatform platform) throws Exception {
        Result session = platform.platformWithInput(CustomerCount.SESSION_INPUT, "sql");

        CustomerCount.assertSessionCountedWhatPostgresHolds(platform, session);
    }

    @Test
    @Order(4)
    void aWrongFileIsRefusedAtItsLineAndColumnAndLeavesNoJob(LocalPlatform platform, @TempDir Path dir)
            throws Exception {
        Path wrong = Files.writeString(
                dir.resolve("wrong.sql"),
                "-- a typo on line 4\nINSERT INTO sql_order_output\nSELECT order_id\nFORM orders;\n");

        Result refused = platform.platform("sql", "-f", wrong.toString());

        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains(wrong + ":2:1: SQL parse failed").contains("line 4, column 6");
        assertThat(new FlinkJobs(platform.endpoints().flinkUrl()).list())
                .extracting(FlinkJobs.Job::name)
                .doesNotContain(FlinkJobs.jobName(wrong));
    }

    private static void assertSqlOutputsMatch(LocalPlatform platform, String report) {
        SqlOutputs outputs = new SqlOutputs(platform.env().require("TOPIC_PREFIX"));
        for (String output : List.of(
                outputs.factsTopic(),
                outputs.revenueTopic(),
                "table " + SqlOutputs.REVENUE_TABLE,
                outputs.orderOutputTopic())) {
            assertThat(report).containsPattern("OK\\s+" + Pattern.quote(output) + "[^\\n]*: matching [1-9]");
        }
    }

    /** The shipped jobs stop here: the platform is shared, and their outputs are verified only while they run. */
    @AfterAll
    static void cancelTheJobs() {
        if (shared == null) {
            return;
        }
        for (String job : SqlOutputs.JOB_FILES) {
            shared.platform("sql", "--cancel", SqlOutputs.JOBS_DIR + "/" + job);
        }
    }
}
