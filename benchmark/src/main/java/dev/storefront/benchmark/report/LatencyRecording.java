package dev.storefront.benchmark.report;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One stage's latencies at one seeder rate, as the report keeps them to be plotted (jupyter/benchmark-latency.ipynb):
 * every sample in an HdrHistogram (1 ms units, 3 significant digits), its percentile distribution, the histogram
 * itself in HdrHistogram's compressed form (base64, for its own tools), and the samples over time.
 *
 * @param stage what the latency spans, e.g. "commit -> fact"
 * @param rate the seeder rate asked (operations/s)
 * @param reached the rate the seeder reached
 * @param distribution [percentile, latency ms] points of the histogram, five per halving of the tail
 * @param samples [ms since the rate's measurement began, latency ms], thinned evenly to at most {@value #MAX_SAMPLES}
 */
public record LatencyRecording(
        String stage,
        int rate,
        double reached,
        Percentiles percentiles,
        List<double[]> distribution,
        String histogram,
        List<long[]> samples) {

    static final int MAX_SAMPLES = 2_000;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    /**
     * @param commitAndReceive (commit time, receive time) pairs in epoch ms, in arrival order
     * @param from the start of the measurement (epoch ms): earlier commits are left out
     */
    public static LatencyRecording of(
            String stage, int rate, double reached, List<long[]> commitAndReceive, long from) {
        Histogram histogram = Percentiles.histogram();
        List<long[]> measured = new ArrayList<>();
        for (long[] sample : commitAndReceive) {
            if (sample[0] >= from) {
                long latency = Math.max(0, sample[1] - sample[0]);
                histogram.recordValue(latency);
                measured.add(new long[] {sample[0] - from, latency});
            }
        }
        List<double[]> distribution = new ArrayList<>();
        for (HistogramIterationValue point : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            distribution.add(new double[] {point.getPercentileLevelIteratedTo(), point.getValueIteratedTo()});
        }
        return new LatencyRecording(
                stage, rate, reached, Percentiles.of(histogram), distribution, encode(histogram), thin(measured));
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** Every n-th sample, so that a chart of a long run stays a few thousand points. */
    static List<long[]> thin(List<long[]> samples) {
        int step = Math.max(1, (int) Math.ceil(samples.size() / (double) MAX_SAMPLES));
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += step) {
            kept.add(samples.get(i));
        }
        return kept;
    }
}
