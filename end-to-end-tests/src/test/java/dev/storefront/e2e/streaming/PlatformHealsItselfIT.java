package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import dev.storefront.e2e.support.SeederClient;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A platform of its own that is broken while it streams and heals without a manual step: PostgreSQL killed with
 * SIGKILL is restarted by the launcher, the FAILED sink tasks are restarted, and every output then reconciles with no
 * change seen twice; `./platform restart` restarts one component gracefully. It runs before the shared platform starts.
 */
@Order(-1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformHealsItselfIT {

    private static final Duration HEALED_WITHIN = Duration.ofMinutes(2);
    private static final Duration RECONCILED_WITHIN = Duration.ofMinutes(3);

    private static LocalPlatform platform;

    @BeforeAll
    static void startScratchPlatform() {
        platform = LocalPlatform.scratch("heals-itself");
        platform.up();
    }

    @AfterAll
    static void stopScratchPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void postgresKilledMidStreamIsRestartedAndEveryOutputReconcilesWithNothingDoubled() throws Exception {
        SeederClient seeder = new SeederClient(platform);
        seeder.fullLoad(300, 40, 500, 7);
        seeder.startDeltas(60);
        Thread.sleep(5000);
        long killed = platform.componentPids().get("postgres");

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await("PostgreSQL restarted by the launcher and every component healthy")
                .atMost(HEALED_WITHIN)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Long now = platform.componentPids().get("postgres");
                    return now != null
                            && now != killed
                            && platform.platform("status").exitCode() == 0;
                });
        Thread.sleep(5000);
        seeder.stopDeltas();

        Result verify = awaitReconciled();
        assertThat(verify.output()).contains("changes seen once").doesNotContain("DIFFERS");
        assertThat(platform.platform("status").output()).doesNotContain("FAILED");
    }

    @Test
    @Order(2)
    void restartRestartsOneComponentGracefullyAndRefusesAnUnknownOne() {
        long before = platform.componentPids().get("connect");

        Result restart = platform.platform("restart", "connect");

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("connect restarted and healthy");
        assertThat(platform.componentPids().get("connect")).isNotEqualTo(before);
        assertThat(platform.platform("status").exitCode()).isZero();

        Result misspelt = platform.platform("restart", "conect");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.output()).contains("conect is not a component that runs (did you mean connect?)");
    }

    /** `./platform verify` until every output matches (the sinks catch up after their restart), its last result. */
    private static Result awaitReconciled() {
        Result[] last = new Result[1];
        try {
            await("every output reconciled")
                    .atMost(RECONCILED_WITHIN)
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> {
                        last[0] = platform.platform("verify");
                        return last[0].exitCode() == 0;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "not reconciled within " + RECONCILED_WITHIN + "; the last verify:\n"
                            + (last[0] == null ? "(none)" : last[0].output()),
                    e);
        }
        return last[0];
    }
}
