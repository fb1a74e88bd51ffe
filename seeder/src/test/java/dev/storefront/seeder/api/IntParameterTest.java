package dev.storefront.seeder.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntParameterTest {

    private final IntParameter customers = new IntParameter("customers", 1, 1000, 10);

    @Test
    void absentMeansDefault() {
        assertThat(customers.parse(null)).isEqualTo(10);
    }

    @Test
    void boundsAreInclusive() {
        assertThat(customers.parse("1")).isEqualTo(1);
        assertThat(customers.parse(" 1000 ")).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "99999999999999999999", "abc", "1.5", "", "1e3"})
    void anythingElseNamesTheParameter(String raw) {
        assertThatThrownBy(() -> customers.parse(raw))
                .isInstanceOf(BadParameterException.class)
                .hasMessageStartingWith("customers must be")
                .satisfies(
                        e -> assertThat(((BadParameterException) e).parameter()).isEqualTo("customers"));
    }

    @Test
    void optionalLongAcceptsAnyLong() {
        assertThat(IntParameter.parseOptionalLong("seed", null)).isNull();
        assertThat(IntParameter.parseOptionalLong("seed", "-9223372036854775808"))
                .isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> IntParameter.parseOptionalLong("seed", "x"))
                .isInstanceOf(BadParameterException.class)
                .hasMessageStartingWith("seed must be");
    }

    @Test
    void inconsistentBoundsAreAProgrammingError() {
        assertThatThrownBy(() -> new IntParameter("rate", 1, 10, 11)).isInstanceOf(IllegalArgumentException.class);
    }
}
