package dev.storefront.seeder.fullload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyBufferTest {

    @Test
    void writesTabSeparatedRowsWithCopyEscapes() {
        CopyBuffer buffer = new CopyBuffer();
        buffer.number(7).text("O'Brien\\Tab\there\nnew\rline").money(1205).timestamp(null);
        buffer.endRow();
        buffer.money(5).money(0).timestamp(Instant.parse("2025-01-01T00:00:00.123Z"));
        buffer.endRow();

        assertThat(buffer.contents())
                .isEqualTo("7\tO'Brien\\\\Tab\\there\\nnew\\rline\t12.05\t\\N\n0.05\t0.00\t2025-01-01T00:00:00.123Z\n");
        assertThat(buffer.rows()).isEqualTo(2);
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatThrownBy(() -> new CopyBuffer().money(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
