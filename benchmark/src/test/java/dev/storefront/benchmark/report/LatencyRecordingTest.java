package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyRecordingTest {

    /** 5,000 records committed 2 ms apart from t=1,000 ms, latency 10..59 ms, one of 100 at 500 ms. */
    static LatencyRecording recording(String stage, int rate) {
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long commit = 1_000 + 2L * i;
            long latency = i % 100 == 99 ? 500 : 10 + i % 50;
            pairs.add(new long[] {commit, commit + latency});
        }
        pairs.add(new long[] {999, 5_000}); // committed before the measurement began: left out
        return LatencyRecording.of(stage, rate, rate * 0.98, pairs, 1_000);
    }

    @Test
    void keepsEverySampleInTheHistogramAndItsPercentiles() throws Exception {
        LatencyRecording recording = recording("commit -> fact", 100);

        assertThat(recording.percentiles()).isEqualTo(new Percentiles(5_000, 34, 57, 59, 500));
        assertThat(recording.distribution().get(0)[0]).isZero();
        assertThat(recording.distribution().get(recording.distribution().size() - 1))
                .containsExactly(100.0, 500.0);
        Histogram decoded = Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(recording.histogram())), 0);
        assertThat(decoded.getTotalCount()).isEqualTo(5_000);
        assertThat(decoded.getMaxValue()).isEqualTo(500);
    }

    @Test
    void samplesAreTimesSinceTheMeasurementBeganThinnedToAFewThousand() {
        List<long[]> samples = recording("commit -> fact", 100).samples();

        // Every third of the 5,000: at most 2,000 points.
        assertThat(samples).hasSize(1_667);
        assertThat(samples.get(0)).containsExactly(0, 10);
        assertThat(samples.get(1)).containsExactly(6, 13);
        assertThat(LatencyRecording.thin(List.of(new long[] {1, 1}))).hasSize(1);
    }
}
