package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundredIsTheRankItself() {
        long[] shuffled =
                LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

        Percentiles p = Percentiles.of(shuffled);

        assertThat(p).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        assertThat(Percentiles.of(new long[] {42})).isEqualTo(new Percentiles(1, 42, 42, 42, 42));
    }

    @Test
    void tailPercentilesOfASmallSampleAreItsLargestValues() {
        Percentiles p = Percentiles.of(new long[] {10, 20, 30, 40, 1000});

        assertThat(p.p50()).isEqualTo(30);
        assertThat(p.p95()).isEqualTo(1000);
        assertThat(p.p99()).isEqualTo(1000);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        long[] samples = {3, 1, 2};

        Percentiles.of(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void anEmptySampleIsAnErrorSayingNothingArrived() {
        assertThatThrownBy(() -> Percentiles.of(new long[0])).hasMessageContaining("nothing arrived");
    }
}
