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
    void aShortStallIsCaughtUpOverTheNextTicksInBurstsOfAQuarterSecond() {
        Pacer pacer = new Pacer(1000, 0);
        assertThat(pacer.due(20 * MS)).isEqualTo(20);

        assertThat(pacer.due(520 * MS)).as("after a 500 ms stall").isEqualTo(250);
        int total = 20 + 250;
        for (long t = 540; t <= 1000; t += 20) {
            total += pacer.due(t * MS);
        }
        assertThat(total).as("every operation due by 1 s").isEqualTo(1000);
    }

    @Test
    void aLongStallDropsAllButItsLastSecond() {
        Pacer pacer = new Pacer(1000, 0);

        assertThat(pacer.due(5000 * MS)).isEqualTo(250);
        int total = 250;
        for (long t = 5020; t <= 6000; t += 20) {
            total += pacer.due(t * MS);
        }
        assertThat(total).as("the stall's last second and the second after it").isEqualTo(2000);
    }
}
