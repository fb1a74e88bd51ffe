package dev.storefront.seeder.deltas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MS = 1_000_000L;

    @Test
    void spreadsTheRateOverTicks() {
        Pacer pacer = new Pacer(100, 0);
        int total = 0;
        for (long t = 20; t <= 1000; t += 20) {
            total += pacer.due(t * MS);
        }
        assertThat(total).isEqualTo(100);
    }

    @Test
    void lowRatesWaitForTheirTurn() {
        Pacer pacer = new Pacer(1, 0);

        assertThat(pacer.due(500 * MS)).isZero();
        assertThat(pacer.due(1000 * MS)).isEqualTo(1);
        assertThat(pacer.due(1500 * MS)).isZero();
    }

    @Test
    void aLongStallIsNotCaughtUpAtOnce() {
        Pacer pacer = new Pacer(1000, 0);

        assertThat(pacer.due(5000 * MS)).isEqualTo(100);
        assertThat(pacer.due(5020 * MS)).isEqualTo(20);
    }
}
