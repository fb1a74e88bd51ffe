package dev.storefront.connectinit.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AllAtOnceTest {

    @Test
    void everyCallIsInFlightAtOnceAndTheAnswersKeepTheItemsOrder() {
        // Each call waits until all three are running: calls made one after another would time out here.
        CyclicBarrier allStarted = new CyclicBarrier(3);

        List<String> answers = AllAtOnce.map(List.of("c", "a", "b"), item -> {
            await(allStarted);
            return item.toUpperCase();
        });

        assertThat(answers).containsExactly("C", "A", "B");
    }

    @Test
    void aFailureIsThrownOnlyAfterEveryOtherCallEndedAndTheFirstInOrderWins() {
        Set<String> ended = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(() -> AllAtOnce.map(List.of("ok", "second", "third"), item -> {
                    if (!item.equals("ok")) {
                        if (item.equals("second")) {
                            sleep(200);
                        }
                        ended.add(item);
                        throw new IllegalArgumentException(item + " refused");
                    }
                    sleep(300);
                    ended.add(item);
                    return item;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("second refused");
        assertThat(ended).containsExactlyInAnyOrder("ok", "second", "third");
    }

    @Test
    void aSingleItemIsCalledOnTheCallersThread() {
        Thread caller = Thread.currentThread();

        assertThat(AllAtOnce.map(List.of("x"), item -> Thread.currentThread() == caller))
                .containsExactly(true);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("the calls did not all run at once", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
