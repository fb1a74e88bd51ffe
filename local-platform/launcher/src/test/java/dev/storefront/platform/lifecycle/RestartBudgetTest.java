package dev.storefront.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestartBudgetTest {

    private Instant now = Instant.parse("2026-11-30T10:00:00Z");
    /** A clock the test moves. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsMaxRestartsWithinTheWindowPerNameAndMoreOnceTheOldestLeftIt() {
        RestartBudget budget = new RestartBudget(3, Duration.ofMinutes(10), clock);

        assertThat(budget.take("connect")).isTrue();
        now = now.plus(Duration.ofMinutes(4));
        assertThat(budget.take("connect")).isTrue();
        assertThat(budget.take("connect")).isTrue();
        assertThat(budget.take("connect")).as("a 4th within 10 minutes").isFalse();
        assertThat(budget.take("postgres")).as("each name has its own budget").isTrue();
        assertThat(budget.used("connect")).isEqualTo(3);

        now = now.plus(Duration.ofMinutes(6));
        assertThat(budget.take("connect"))
                .as("the first restart is 10 minutes old")
                .isTrue();
        assertThat(budget.take("connect")).isFalse();
        assertThat(budget.describe()).isEqualTo("3 in 10 minutes");
    }
}
