package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.contract.CdcTopicNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * End-to-end throughput, beside capture alone: every order updated once (its {@code updated_at} moved by a
 * millisecond, a change every output carries) with the whole platform running, timed from the first batch to the
 * last event in Kafka (capture) and to each consumer group's catching up (the pipeline's facts and analytics, each
 * sink's tables); the slowest is when every output caught up.
 */
final class EndToEndRun {

    private static final String CHANGE = "updated_at = updated_at + interval '1 millisecond'";

    /**
     * @param caughtUpSeconds per consumer group that had work, seconds from the first batch until it caught up
     * @param bound what bounded the run, in one sentence ({@link CpuWindow#describe})
     */
    record Result(
            long changes,
            double commitSeconds,
            double captureSeconds,
            Map<String, Double> caughtUpSeconds,
            Map<String, Double> coresUsed,
            Map<String, Double> waitingForCore,
            String bound) {

        double allCaughtUpSeconds() {
            return caughtUpSeconds.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .reduce(captureSeconds, Math::max);
        }

        double rate() {
            return changes / allCaughtUpSeconds();
        }

        /** Each stage's end as a share of the whole: capture, then every group. */
        Map<String, Double> shares() {
            Map<String, Double> shares = new LinkedHashMap<>();
            shares.put("capture", captureSeconds / allCaughtUpSeconds());
            caughtUpSeconds.forEach((group, seconds) -> shares.put(group, seconds / allCaughtUpSeconds()));
            return shares;
        }

        String describe() {
            return String.format(
                    "capture (last event in Kafka) %.1f s, then caught up: %s",
                    captureSeconds,
                    caughtUpSeconds.entrySet().stream()
                            .map(group -> String.format("%s %.1f s", group.getKey(), group.getValue()))
                            .collect(Collectors.joining(", ")));
        }
    }

    private EndToEndRun() {}

    /** Null when the events or the consumers did not finish within the size's settle timeout. */
    static Result run(BenchContext ctx) throws Exception {
        String topic = CdcTopicNames.of(ctx.platform().env()).table("orders");
        ctx.kafka().awaitSettled(ctx.size().settleTimeout);
        long eventsBefore = ctx.kafka().endOffsets(List.of(topic));
        progress(
                "end-to-end: every order updated once, in batches of " + StreamingPhase.BATCH + ", everything running");
        CpuWindow cpu = ctx.cpu();
        long start = System.nanoTime();
        long changes = StreamingPhase.updateInBatches(ctx, "orders", CHANGE, Long.MAX_VALUE);
        double commitSeconds = (System.nanoTime() - start) / 1e9;
        double captureSeconds = FullLoadPhase.awaitEvents(ctx, List.of(topic), eventsBefore + changes, start);
        var caughtUp = ctx.kafka().awaitCaughtUp(start, ctx.size().settleTimeout);
        Map<String, Double> cores = cpu.close();
        if (Double.isNaN(captureSeconds) || caughtUp.isEmpty()) {
            progress("end-to-end: not caught up within " + ctx.size().settleTimeout);
            return null;
        }
        Result result = new Result(
                changes, commitSeconds, captureSeconds, caughtUp.get(), cores, cpu.waiting(), cpu.describe());
        progress(String.format(
                "end-to-end: %,d changes, every output caught up after %.1f s = %,.0f changes/s (%s)",
                changes, result.allCaughtUpSeconds(), result.rate(), result.describe()));
        return result;
    }
}
