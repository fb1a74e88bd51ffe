package dev.storefront.connectinit.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One call per connector, all at once, answered in the connectors' order. Sent one after another, each new connector
 * cost Connect a rebalance of its own and its validation a round trip of its own before the next was asked: together
 * they take one rebalance, and every fresh start waits for them.
 */
final class AllAtOnce {

    private AllAtOnce() {}

    /**
     * The answers in the order of {@code items}. Waits for every call, also when one fails (so that everything sent
     * is printed), then throws the first failure in that order.
     */
    static <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() < 2) {
            return items.stream().map(call).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        try {
            List<Future<R>> calls = pool.invokeAll(items.stream()
                    .<Callable<R>>map(item -> () -> call.apply(item))
                    .toList());
            List<R> answers = new ArrayList<>();
            RuntimeException first = null;
            for (Future<R> answer : calls) {
                try {
                    answers.add(answer.get());
                } catch (ExecutionException e) {
                    first = first != null ? first : unchecked(e.getCause());
                }
            }
            if (first != null) {
                throw first;
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka Connect", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
