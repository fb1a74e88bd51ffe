package dev.storefront.seeder.fullload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllocatedIdsTest {

    @Test
    void mapsPositionsToIdsAcrossGaps() {
        AllocatedIds ids = new AllocatedIds();
        ids.addAll(new long[] {1, 2, 3});
        ids.addAll(new long[] {10, 11});
        ids.addAll(new long[] {12, 40});

        assertThat(ids.size()).isEqualTo(7);
        assertThat(ids.idAt(0)).isEqualTo(1);
        assertThat(ids.idAt(2)).isEqualTo(3);
        assertThat(ids.idAt(3)).isEqualTo(10);
        assertThat(ids.idAt(5)).isEqualTo(12);
        assertThat(ids.idAt(6)).isEqualTo(40);
        assertThatThrownBy(() -> ids.idAt(7)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void manyRunsGrowTheIndex() {
        AllocatedIds ids = new AllocatedIds();
        for (long i = 0; i < 1000; i++) {
            ids.add(i * 2);
        }

        assertThat(ids.idAt(999)).isEqualTo(1998);
        assertThat(ids.idAt(500)).isEqualTo(1000);
    }
}
