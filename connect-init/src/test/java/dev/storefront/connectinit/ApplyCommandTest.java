package dev.storefront.connectinit;

import static dev.storefront.connectinit.CliFixture.SECRET;
import static dev.storefront.connectinit.CliFixture.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.connectinit.CliFixture.Result;
import dev.storefront.connectinit.FakeConnect.Snapshot;
import dev.storefront.contract.run.FreePorts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApplyCommandTest extends AgainstFakeConnect {

    private static final String PUT_CONFIG = "PUT /connectors/" + SOURCE + "/config";

    @Test
    void validatesRegistersAndWaitsUntilConnectorAndTasksRun() {
        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(connect.requests())
                .containsSubsequence(
                        "GET /",
                        "PUT /connector-plugins/io.debezium.connector.postgresql.PostgresConnector/config/validate",
                        PUT_CONFIG,
                        "GET /connectors/" + SOURCE + "/status");
        assertThat(connect.config(SOURCE))
                .containsEntry("name", SOURCE)
                .containsEntry("database.hostname", "db.example")
                .containsEntry("database.password", "${env:DEBEZIUM_PASSWORD}");
        assertThat(result.out())
                .contains(
                        SOURCE + ": config valid",
                        SOURCE + ": created",
                        SOURCE + ": connector RUNNING, tasks none",
                        SOURCE + ": connector RUNNING, tasks 0:RUNNING",
                        "RUNNING: " + SOURCE);
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void secondApplyWithTheSameConfigSendsNothingAndStaysRunning() {
        assertThat(cli.run("apply").exitCode()).isEqualTo(ExitCode.OK);
        int before = connect.requests().size();

        Result second = cli.run("apply");

        List<String> secondRequests =
                connect.requests().subList(before, connect.requests().size());
        assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCode.OK);
        assertThat(secondRequests)
                .doesNotContain(PUT_CONFIG)
                .noneMatch(request -> request.startsWith("POST") || request.startsWith("DELETE"));
        assertThat(second.out()).contains(SOURCE + ": config unchanged, not re-sent", "RUNNING: " + SOURCE);
    }

    @Test
    void changedVariableUpdatesTheConfig() {
        assertThat(cli.run("apply").exitCode()).isEqualTo(ExitCode.OK);
        cli.environment.put("POSTGRES_HOST", "db2.example");

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains(SOURCE + ": config updated");
        assertThat(connect.config(SOURCE)).containsEntry("database.hostname", "db2.example");
    }

    @Test
    void everyUndefinedVariableOfEveryTemplateIsListedBeforeConnectIsContacted() {
        cli.template("a-source", """
                {"name": "a-source", "config": {"connector.class": "X", "x": "${MISSING_ONE} ${MISSING_TWO}",
                 "y": "${TOPIC_PREFIX}-${MISSING_ONE}"}}""");
        cli.template("b-sink", """
                {"name": "b-sink", "config": {"connector.class": "X", "z": "${MISSING_THREE}"}}""");

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err())
                .contains(
                        "a-source.template.json",
                        "undefined variables: MISSING_ONE, MISSING_TWO",
                        "b-sink.template.json",
                        "undefined variables: MISSING_THREE",
                        "nothing was sent to Connect");
        assertThat(connect.requests()).isEmpty();
    }

    @Test
    void invalidJsonAndNameMismatchAreReportedBeforeConnectIsContacted() {
        cli.template("broken", "{\"name\": \"broken\", \"config\": {\"connector.class\": \"X\",}}");
        cli.template("renamed", "{\"name\": \"other\", \"config\": {\"connector.class\": \"X\"}}");

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err())
                .contains(
                        "broken.template.json",
                        "invalid JSON",
                        "line 1",
                        "renamed.template.json",
                        "\"name\" is \"other\" but the file name says \"renamed\"");
        assertThat(connect.requests()).isEmpty();
    }

    @Test
    void unknownConnectorNameListsTheKnownTemplates() {
        Result result = cli.run("apply", "nope");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(result.err()).contains("Unknown connector nope", "known templates: " + SOURCE);
        assertThat(connect.requests()).isEmpty();
    }

    @Test
    void fieldErrorsAreAllPrintedMaskedAndNothingIsRegistered() {
        connect.rejectFields(Map.of(
                "database.hostname", List.of("Unable to connect: db.example:5432"),
                "database.password", List.of("Error validating password " + SECRET)));

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
        assertThat(result.err())
                .contains(
                        "nothing was registered",
                        "database.hostname = \"db.example\": Unable to connect: db.example:5432",
                        "database.password = \"********\": Error validating password ********");
        assertThat(result.all()).doesNotContain(SECRET);
        assertThat(connect.requests()).noneMatch(request -> request.startsWith("PUT /connectors"));
    }

    @Test
    void aKeyThePluginDoesNotDefineIsRefusedByNameWithTheClosestDefinedKey() {
        connect.defineInsteadOf("database.hostname", "database.hostnam");
        cli.template(SOURCE, CliFixture.SOURCE_TEMPLATE.replace("\"database.hostname\"", "\"database.hostnam\""));

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.VALIDATION);
        assertThat(result.err())
                .contains(
                        "nothing was registered",
                        "database.hostnam = \"db.example\": defined neither by"
                                + " io.debezium.connector.postgresql.PostgresConnector nor by Connect",
                        "(did you mean database.hostname?)");
        assertThat(connect.requests()).noneMatch(request -> request.startsWith("PUT /connectors"));
    }

    @Test
    void missingPluginIsAValidationError() {
        connect.withoutPlugin();

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
        assertThat(result.err())
                .contains("Failed to find any class that implements Connector", "Is the plugin installed");
        assertThat(connect.requests()).noneMatch(request -> request.startsWith("PUT /connectors"));
    }

    @Test
    void waitsWithBackoffForAConnectThatIsNotUpYet() throws Exception {
        int port = FreePorts.pick();
        cli.connectUrl = "http://127.0.0.1:" + port;
        cli.timeout = "20s";
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<FakeConnect> started =
                later.schedule(() -> FakeConnect.startOn(port), 1500, TimeUnit.MILLISECONDS);
        try {
            Result result = cli.run("apply");

            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
            assertThat(result.out())
                    .contains(
                            "waiting for Connect at http://127.0.0.1:" + port + " (attempt 1)",
                            "(attempt 2)",
                            "Kafka Connect 4.3.1 is up",
                            "RUNNING: " + SOURCE);
        } finally {
            started.get().close();
            later.shutdownNow();
        }
    }

    @Test
    void waitsWhileConnectAnswersButHasNotInitialisedItsResources() {
        connect.answerRootUnavailable(2);

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains("(attempt 1): HTTP 404", "(attempt 2): HTTP 404");
    }

    @Test
    void unreachableConnectFailsAfterTheTimeout() {
        cli.connectUrl = "http://127.0.0.1:1";
        cli.timeout = "1s";

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONNECT_UNREACHABLE);
        assertThat(result.err())
                .contains(
                        "Kafka Connect at http://127.0.0.1:1 was not ready within 1s",
                        "waiting for the worker to accept connections, last: connection refused");
    }

    @Test
    void waitsWhileTheWorkerIsStillStarting() {
        connect.answerHealthStarting(2);

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out())
                .contains(
                        "(attempt 1): HTTP 503: Worker is still starting up.",
                        "(attempt 2): HTTP 503",
                        "Kafka Connect 4.3.1 is up");
        assertThat(connect.requests())
                .filteredOn(request -> request.startsWith("PUT /connectors/"))
                .hasSize(1);
    }

    @Test
    void everyCallIsRetriedWhileTheConnectGroupRebalances() {
        // Each request after the worker is up first gets 500 "rebalance is expected" or 409 (alternating): validate,
        // GET config, PUT config and GET status all see one, and apply still registers once and waits for RUNNING.
        connect.rebalanceBeforeEach(4);

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(connect.rebalancingAnswered()).isEqualTo(4);
        assertThat(connect.config(SOURCE)).containsEntry("database.hostname", "db.example");
        assertThat(result.out())
                .contains(
                        "HTTP 500: Request cannot be completed because a rebalance is expected",
                        "HTTP 409: Cannot complete request because of a conflicting operation",
                        "retrying while waiting for the Connect group to finish rebalancing",
                        "RUNNING: " + SOURCE);
        assertThat(connect.requests())
                .filteredOn(request -> request.startsWith("PUT /connector-plugins/"))
                .hasSize(2);
        assertThat(connect.requests())
                .filteredOn(request -> request.equals("GET /connectors/" + SOURCE + "/config"))
                .hasSize(2);
        assertThat(connect.requests()).filteredOn(PUT_CONFIG::equals).hasSize(2);
    }

    @Test
    void aRebalanceThatNeverEndsFailsAtTheDeadlineNamingWhatItWaitedFor() {
        connect.answerRebalancing(Integer.MAX_VALUE);
        cli.timeout = "2s";

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONNECT_UNREACHABLE);
        assertThat(result.err())
                .contains(
                        "PUT /connector-plugins/io.debezium.connector.postgresql.PostgresConnector"
                                + "/config/validate failed",
                        "Gave up after 2s and",
                        "attempts waiting for the Connect group to finish" + " rebalancing",
                        "raise --timeout");
        assertThat(connect.requests()).noneMatch(request -> request.startsWith("PUT /connectors/"));
    }

    @Test
    void aRealRejectionFailsAtOnceWithConnectsMessage() {
        connect.reject(PUT_CONFIG);

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONNECT_UNREACHABLE);
        assertThat(result.err()).contains("rejected " + PUT_CONFIG + ": HTTP 400: Connector configuration is invalid");
        assertThat(connect.requests()).filteredOn(PUT_CONFIG::equals).hasSize(1);
    }

    @Test
    void failedTaskPrintsItsMaskedTraceAndFails() {
        connect.afterStart(
                Snapshot.starting(),
                Snapshot.taskFailed("org.apache.kafka.connect.errors.ConnectException:" + " password " + SECRET
                        + " rejected\n\tat x.Y(Y.java:1)"));
        cli.timeout = "10s";

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_RUNNING);
        assertThat(result.out()).contains(SOURCE + ": connector RUNNING, tasks 0:FAILED");
        assertThat(result.err())
                .contains(
                        SOURCE + " FAILED",
                        "task 0 FAILED on worker fake:8083",
                        "ConnectException: password ******** rejected",
                        "at x.Y(Y.java:1)",
                        "restart " + SOURCE);
        assertThat(result.all()).doesNotContain(SECRET);
    }

    @Test
    void taskThatFailsRightAfterStartingIsNotReportedRunning() {
        connect.afterStart(Snapshot.starting(), Snapshot.running(), Snapshot.taskFailed("died after start"));

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.NOT_RUNNING);
        assertThat(result.out())
                .contains(SOURCE + ": connector RUNNING, tasks 0:RUNNING")
                .doesNotContain("RUNNING: " + SOURCE);
        assertThat(result.err()).contains("died after start");
    }

    @Test
    void previousRunsFailedStateShownBrieflyAfterAChangeIsNotAFailure() {
        connect.afterStart(Snapshot.taskFailed("stale trace of the previous run"), Snapshot.running());

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(result.out()).contains(SOURCE + ": connector RUNNING, tasks 0:FAILED", "RUNNING: " + SOURCE);
    }

    @Test
    void tasksSlowerToStartThanTheSettleTimeAreBelievedOnTheirSecondRunningPoll() {
        // RUNNING first shows on the 5th poll (at least 0.4 s after the change, polls being 100 ms apart), past the
        // 0.3 s settle: one more poll confirms it; holding it another full settle time would take until the 8th.
        cli.settle = "300ms";
        connect.afterStart(
                Snapshot.starting(), Snapshot.starting(), Snapshot.starting(), Snapshot.starting(), Snapshot.running());

        Result result = cli.run("apply");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCode.OK);
        assertThat(connect.statusPolls(SOURCE)).as(result.all()).isEqualTo(6);
    }

    @Test
    void connectorThatNeverRunsTimesOut() {
        connect.afterStart(Snapshot.starting());
        cli.timeout = "1500ms";

        Result result = cli.run("apply");

        assertThat(result.exitCode()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(result.err())
                .contains("Not RUNNING after 1500ms: " + SOURCE + " (last: connector RUNNING, tasks none)");
    }
}
