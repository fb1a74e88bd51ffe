package dev.storefront.connectinit;

import static dev.storefront.connectinit.CliFixture.SECRET;
import static dev.storefront.connectinit.CliFixture.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.connectinit.CliFixture.Result;
import dev.storefront.connectinit.FakeConnect.Snapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status, restart and delete against the fake Connect. */
class ConnectorLifecycleCommandsTest extends AgainstFakeConnect {

    private static final Map<String, String> CONFIG = Map.of("connector.class", "X", "name", SOURCE);

    @Test
    void statusOfRunningConnectorsIsATableAndSucceeds() {
        connect.register(SOURCE, CONFIG, Snapshot.running());

        Result result = cli.run("status");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .containsPattern("CONNECTOR\\s+STATE\\s+TASKS")
                .containsPattern(SOURCE + "\\s+RUNNING\\s+0:RUNNING");
    }

    @Test
    void statusOfAMissingConnectorFails() {
        Result result = cli.run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_RUNNING);
        assertThat(result.out()).containsPattern(SOURCE + "\\s+MISSING\\s+-");
        assertThat(result.err()).contains("not RUNNING: " + SOURCE + " (not registered)");
    }

    @Test
    void statusOfAFailedTaskShowsItsMaskedTrace() {
        connect.register(SOURCE, CONFIG, Snapshot.taskFailed("java.sql.SQLException: bad password " + SECRET));

        Result result = cli.run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_RUNNING);
        assertThat(result.out()).containsPattern(SOURCE + "\\s+RUNNING\\s+0:FAILED");
        assertThat(result.err()).contains("task 0 FAILED", "SQLException: bad password ********");
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void statusDoesNotWaitForAnUnreachableConnect() {
        cli.connectUrl = "http://127.0.0.1:1";
        cli.timeout = "60s";

        long start = System.nanoTime();
        Result result = cli.run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONNECT_UNREACHABLE);
        assertThat(result.err()).contains("connection refused");
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    }

    @Test
    void statusRestartAndDeleteRetryWhileTheConnectGroupRebalances() {
        connect.register(SOURCE, CONFIG, Snapshot.running());

        connect.answerRebalancing(2);
        Result status = cli.run("status");
        connect.answerRebalancing(3);
        Result restart = cli.run("restart", SOURCE);
        connect.answerRebalancing(2);
        Result delete = cli.run("delete", SOURCE);

        assertThat(connect.rebalancingAnswered()).isEqualTo(7);
        assertThat(status.exitCode()).as(status.all()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).containsPattern(SOURCE + "\\s+RUNNING\\s+0:RUNNING");
        assertThat(restart.exitCode()).as(restart.all()).isEqualTo(ExitCode.OK);
        assertThat(restart.out())
                .contains("retrying while waiting for the Connect group to finish rebalancing", "RUNNING: " + SOURCE);
        assertThat(delete.exitCode()).as(delete.all()).isEqualTo(ExitCode.OK);
        assertThat(connect.config(SOURCE)).isNull();
    }

    @Test
    void restartRestartsConnectorAndTasksThenWaitsUntilRunning() {
        connect.register(SOURCE, CONFIG, Snapshot.taskFailed("boom"));

        Result result = cli.run("restart", SOURCE);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(connect.requests())
                .contains("POST /connectors/" + SOURCE + "/restart?includeTasks=true&onlyFailed=false");
        assertThat(result.out()).contains(SOURCE + ": restart requested", "RUNNING: " + SOURCE);
    }

    @Test
    void restartOfAnUnregisteredConnectorRestartsNothing() {
        cli.template("other", "{\"name\": \"other\", \"config\": {\"connector.class\": \"X\"}}");
        connect.register("other", Map.of("connector.class", "X", "name", "other"), Snapshot.running());

        Result result = cli.run("restart", "other", SOURCE);

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_RUNNING);
        assertThat(result.err()).contains("Not registered, nothing was restarted: " + SOURCE);
        assertThat(connect.requests()).noneMatch(request -> request.startsWith("POST"));
    }

    @Test
    void deleteRemovesTheConnectorAndToleratesAMissingOne() {
        connect.register(SOURCE, CONFIG, Snapshot.running());

        Result first = cli.run("delete", SOURCE);
        Result second = cli.run("delete", SOURCE);

        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).contains(SOURCE + ": deleted");
        assertThat(connect.config(SOURCE)).isNull();
        assertThat(second.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(second.out()).contains(SOURCE + ": not registered, nothing to delete");
    }

    @Test
    void deleteWithDropSlotChecksTheTemplatesBeforeDeletingAnything() {
        connect.register(SOURCE, CONFIG, Snapshot.running());
        cli.template(SOURCE, CliFixture.SOURCE_TEMPLATE.replace("${POSTGRES_DB}", "${UNDEFINED_DB}"));

        Result result = cli.run("delete", "--drop-slot");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err()).contains("undefined variables: UNDEFINED_DB");
        assertThat(connect.requests()).isEmpty();
        assertThat(connect.config(SOURCE)).isNotNull();
    }
}
