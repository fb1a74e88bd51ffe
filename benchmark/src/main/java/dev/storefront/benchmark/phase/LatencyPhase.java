package dev.storefront.benchmark.phase;

import static dev.storefront.benchmark.BenchContext.progress;

import dev.storefront.benchmark.BenchContext;
import dev.storefront.benchmark.client.Kafka;
import dev.storefront.benchmark.platform.CpuWindow;
import dev.storefront.benchmark.platform.JfrProfile;
import dev.storefront.benchmark.report.Figure;
import dev.storefront.benchmark.report.LatencyRecording;
import dev.storefront.benchmark.report.Percentiles;
import dev.storefront.benchmark.report.PhaseResult;
import dev.storefront.benchmark.report.Target;
import dev.storefront.contract.CdcTopicNames;
import dev.storefront.contract.CommitTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * End-to-end latency at fixed seeder delta rates: from the source commit time to the receive time of the orders
 * change event in the CDC topic (its source.ts_ms), and of the order fact in the facts topic (its source_ts). The
 * first seconds of each rate are a warm-up and left out.
 */
public final class LatencyPhase {

    /** The latency goals hold at this rate (both sizes run it). */
    static final int TARGET_RATE = 500;

    static final Target FACT_P50_TARGET = Target.atMost(100);
    static final Target FACT_P99_TARGET = Target.atMost(250);
    static final Target CDC_P99_TARGET = Target.atMost(100);
    /** The seeder's deltas reach the asked rate within 5 %, at every rate (up to 2,000 ops/s). */
    static final Target REACHED_TARGET = Target.atLeast(95);

    private static final Duration RAMP_UP = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private LatencyPhase() {}

    private static Figure withGoal(Figure figure, boolean goals, Target target) {
        return goals ? figure.withTarget(target) : figure;
    }

    /** {@code onFullLoad}: the full load ran before, so the deltas spread over the size's rows. */
    public static PhaseResult run(BenchContext ctx, boolean onFullLoad) throws Exception {
        String cdcTopic = CdcTopicNames.of(ctx.platform().env()).table("orders");
        String factTopic = ctx.platform().endpoints().topicPrefix() + ".facts.orders";
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (!onFullLoad) {
            String warning = "without the full load the deltas run on the small base they create themselves (about "
                    + "a hundred customers): each address move re-emits the facts of every order of its customer, "
                    + "dozens instead of one or two, so these figures are not comparable with a run that includes "
                    + "full-load";
            progress("latency: " + warning);
            notes.add("Ran " + warning + ".");
        }
        warmUp(ctx);
        for (int rate : ctx.size().latencyRates) {
            progress("latency: seeder deltas at " + rate + " ops/s for "
                    + ctx.size().latencyDuration.toSeconds() + " s");
            Collector collector = new Collector(
                    ctx.kafka(), Map.of(cdcTopic, CommitTime::ofChangeEvent, factTopic, CommitTime::ofFact));
            long measureFrom = System.currentTimeMillis() + RAMP_UP.toMillis();
            CpuWindow cpu = ctx.cpu();
            JfrProfile profile = ctx.profile("pipeline", "latency-" + rate);
            ctx.http().post(ctx.platform().endpoints().seederUrl() + "/seed/start?rate=" + rate);
            Thread.sleep(ctx.size().latencyDuration.toMillis());
            var status = ctx.http().post(ctx.platform().endpoints().seederUrl() + "/seed/stop");
            Thread.sleep(DRAIN.toMillis());
            Map<String, Double> cores = cpu.close();
            Map<String, Object> pipelineProfile = profile.stop();
            double reached = status.path("actualRate").asDouble();
            Map<String, List<long[]>> samples = collector.stop();
            LatencyRecording cdcLatency =
                    LatencyRecording.of("commit -> CDC topic", rate, reached, samples.get(cdcTopic), measureFrom);
            LatencyRecording factLatency =
                    LatencyRecording.of("commit -> fact", rate, reached, samples.get(factTopic), measureFrom);
            ctx.latencyRecordings().add(cdcLatency);
            ctx.latencyRecordings().add(factLatency);
            Percentiles toCdc = cdcLatency.percentiles();
            Percentiles toFact = factLatency.percentiles();
            progress(String.format(
                    Locale.ROOT,
                    "latency at %d ops/s (seeder reached %.0f): commit->CDC p50/p95/p99 "
                            + "%d/%d/%d ms, commit->fact %d/%d/%d ms",
                    rate,
                    reached,
                    toCdc.p50(),
                    toCdc.p95(),
                    toCdc.p99(),
                    toFact.p50(),
                    toFact.p95(),
                    toFact.p99()));
            // Named by the asked rate alone, so that runs compare (--runs); the share reached is the figure before.
            String at = " @ " + rate + " ops/s";
            boolean goals = rate == TARGET_RATE;
            figures.add(Figure.of("seeder deltas: share of " + rate + " ops/s reached", 100 * reached / rate, "%")
                    .withTarget(REACHED_TARGET));
            figures.add(Figure.of("commit -> CDC topic p50" + at, toCdc.p50(), "ms"));
            figures.add(withGoal(Figure.of("commit -> CDC topic p99" + at, toCdc.p99(), "ms"), goals, CDC_P99_TARGET));
            figures.add(withGoal(Figure.of("commit -> fact p50" + at, toFact.p50(), "ms"), goals, FACT_P50_TARGET));
            figures.add(withGoal(Figure.of("commit -> fact p99" + at, toFact.p99(), "ms"), goals, FACT_P99_TARGET));
            facts.put("commitToCdc" + at, toCdc);
            facts.put("commitToFact" + at, toFact);
            facts.put("seederActualRate" + at, reached);
            facts.put("seederOperations" + at, status.path("operations"));
            facts.put("coresUsed" + at, cores);
            facts.put("threadsWaitingForCore" + at, cpu.waiting());
            facts.put("busiestThreads" + at, cpu.topThreads());
            facts.put("pipelineProfile" + at, pipelineProfile);
            notes.add("At " + rate + " ops/s: "
                    + cpu.describe() + ". "
                    + JfrProfile.describe("pipeline", pipelineProfile));
        }
        notes.add("Rates are seeder operations/s (30 % of them new orders); commit times are PostgreSQL's commit "
                + "timestamps (ms), receive times this JVM's clock on the same machine. A warm-up at the first rate ran "
                + "before, unmeasured, and the first " + RAMP_UP.toSeconds() + " s of each rate are left out.");
        // The values live in the connector template and the pipeline's properties; "Tuning in effect" prints them.
        notes.add("What sets the floor: Debezium's poll.interval.ms for the CDC topic (a poll that finds changes "
                + "still waits that long for more); for facts one exactly-once hop in the pipeline with one partition "
                + "(two with more: the table changes' repartition topic), visible only at its next commit "
                + "(commit.interval.ms, poll.ms). Their values: " + SettingsPhase.NAME + ".");
        return new PhaseResult("End-to-end latency", figures, facts, notes, null);
    }

    /**
     * Deltas at the first rate, unmeasured: they run code paths the full load did not (updates, deletes, retractions),
     * and the JIT compiling them took a third of a core from the pipeline and tripled the first rate's latencies.
     */
    private static void warmUp(BenchContext ctx) throws Exception {
        int rate = ctx.size().latencyRates.get(0);
        progress("latency: warm-up, seeder deltas at " + rate + " ops/s for "
                + ctx.size().latencyWarmUp.toSeconds() + " s (not measured)");
        ctx.http().post(ctx.platform().endpoints().seederUrl() + "/seed/start?rate=" + rate);
        Thread.sleep(ctx.size().latencyWarmUp.toMillis());
        ctx.http().post(ctx.platform().endpoints().seederUrl() + "/seed/stop");
        ctx.kafka().awaitSettled(ctx.size().settleTimeout);
    }

    /**
     * Polls the topics from their end on one thread, recording per topic (commit time, receive time) of each record.
     * One consumer for all: one fetch every 10 ms for every topic, not one per topic, on the cores it measures.
     */
    private static final class Collector {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, List<long[]>> samples = new HashMap<>();
        private final Thread thread;
        private volatile Exception failure;

        Collector(Kafka kafka, Map<String, ToLongFunction<GenericRecord>> commitTimes) {
            KafkaConsumer<Object, Object> consumer = kafka.avroConsumer();
            Kafka.assignAtEnd(consumer, commitTimes.keySet());
            commitTimes.keySet().forEach(topic -> samples.put(topic, new ArrayList<>()));
            thread = new Thread(
                    () -> {
                        try (consumer) {
                            while (running.get()) {
                                ConsumerRecords<Object, Object> records = consumer.poll(Duration.ofMillis(50));
                                // poll() decoded them: they were all received now.
                                long received = System.currentTimeMillis();
                                for (ConsumerRecord<Object, Object> record : records) {
                                    if (record.value() instanceof GenericRecord value) {
                                        long commitTime =
                                                commitTimes.get(record.topic()).applyAsLong(value);
                                        samples.get(record.topic()).add(new long[] {commitTime, received});
                                    }
                                }
                            }
                        } catch (Exception e) {
                            failure = e;
                        }
                    },
                    "bench-latency-collector");
            thread.start();
        }

        /** Stops polling; per topic, (commit time, receive time) of every record, in arrival order. */
        Map<String, List<long[]>> stop() throws Exception {
            running.set(false);
            thread.join();
            if (failure != null) {
                throw failure;
            }
            return samples;
        }
    }
}
