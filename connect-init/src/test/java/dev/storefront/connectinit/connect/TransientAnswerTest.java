package dev.storefront.connectinit.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** Connect 4.3's own answers (the messages are its source's), sorted into "retry later" and "final". */
class TransientAnswerTest {

    @Test
    void answersOfARebalancingGroupAreRetried() {
        assertThat(TransientAnswer.of(500, true, "Request cannot be completed because a rebalance is expected"))
                .hasValueSatisfying(answer -> assertThat(answer.waitingFor()).isEqualTo(TransientAnswer.REBALANCE));
        assertThat(TransientAnswer.of(
                        409,
                        true,
                        "Cannot complete request because of a conflicting operation (e.g. worker rebalance)"))
                .isPresent();
        assertThat(TransientAnswer.of(
                        409,
                        true,
                        "Cannot complete request momentarily due to stale configuration"
                                + " (typically caused by a concurrent config change)"))
                .isPresent();
        assertThat(TransientAnswer.of(
                        409,
                        true,
                        "Cannot complete request momentarily due to no known leader URL,"
                                + " likely because a rebalance was underway."))
                .isPresent();
        assertThat(TransientAnswer.of(
                        500,
                        true,
                        "Request timed out. The worker is currently ensuring membership in"
                                + " the cluster, which began at 2026-11-30T01:12:24Z"))
                .isPresent();
    }

    @Test
    void answersOfAStartingWorkerAreRetried() {
        assertThat(TransientAnswer.of(503, false, "Worker is still starting up."))
                .hasValueSatisfying(answer -> assertThat(answer.waitingFor()).isEqualTo(TransientAnswer.STARTING));
        assertThat(TransientAnswer.of(404, false, "(a web page instead of Connect's JSON answer)"))
                .hasValueSatisfying(answer -> assertThat(answer.waitingFor()).startsWith(TransientAnswer.STARTING));
        assertThat(TransientAnswer.of(new ConnectException("Connection refused"))
                        .answer())
                .isEqualTo("connection refused");
        assertThat(TransientAnswer.of(new HttpTimeoutException("request timed out"))
                        .waitingFor())
                .isEqualTo("an answer");
        assertThat(TransientAnswer.of(new IOException("closed")).answer()).isEqualTo("IOException: closed");
    }

    @Test
    void realRejectionsAreFinal() {
        assertThat(TransientAnswer.of(404, true, "Connector shop-source not found"))
                .isEmpty();
        assertThat(TransientAnswer.of(400, true, "Connector configuration is invalid"))
                .isEmpty();
        assertThat(TransientAnswer.of(500, true, "Failed to find any class that implements Connector"))
                .isEmpty();
    }
}
