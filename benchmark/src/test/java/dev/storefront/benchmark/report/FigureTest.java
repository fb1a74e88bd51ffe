package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void throughputRatioIsMeasuredOverTarget() {
        Figure figure = Figure.of("rows/s", 75_000, "rows/s").withTarget(Target.atLeast(150_000));

        assertThat(figure.targetRatio()).isEqualTo(0.5);
        assertThat(figure.met()).isFalse();
    }

    @Test
    void atMostRatioIsInvertedSoThatOneOrMoreMeansMet() {
        Figure fast = Figure.of("p99", 125, "ms").withTarget(Target.atMost(250));
        Figure slow = Figure.of("p99", 500, "ms").withTarget(Target.atMost(250));

        assertThat(fast.targetRatio()).isEqualTo(2.0);
        assertThat(fast.met()).isTrue();
        assertThat(slow.targetRatio()).isEqualTo(0.5);
        assertThat(slow.met()).isFalse();
    }

    @Test
    void exactlyOnTargetIsMetBothWays() {
        assertThat(Figure.of("s", 45, "s").withTarget(Target.atMost(45)).met()).isTrue();
        assertThat(Figure.of("r", 70_000, "rows/s")
                        .withTarget(Target.atLeast(70_000))
                        .met())
                .isTrue();
    }

    @Test
    void ceilingRatioIsTheShareOfTheCeilingReached() {
        Figure figure = Figure.of("events/s", 30_000, "events/s").withCeiling(120_000);

        assertThat(figure.ceilingRatio()).isEqualTo(0.25);
    }

    @Test
    void withoutTargetOrCeilingTheRatiosAreNotANumber() {
        Figure figure = Figure.of("p50", 60, "ms");

        assertThat(figure.targetRatio()).isNaN();
        assertThat(figure.ceilingRatio()).isNaN();
        assertThat(figure.met()).isNull();
    }

    @Test
    void aShareOfTheCeilingIsJudgedAgainstTheCeilingOfTheSameRun() {
        Target half = Target.atLeastOfCeiling(0.5);
        Figure short_ = Figure.of("rows/s", 20_000, "rows/s").withTarget(half).withCeiling(100_000);
        Figure met = Figure.of("rows/s", 60_000, "rows/s").withTarget(half).withCeiling(100_000);

        assertThat(short_.targetRatio()).isEqualTo(0.4);
        assertThat(short_.met()).isFalse();
        assertThat(met.targetRatio()).isEqualTo(1.2);
        assertThat(met.met()).isTrue();
        assertThat(half).hasToString(">= 0.5 x ceiling");
    }

    @Test
    void aShareOfAMissingCeilingIsNotMet() {
        Figure figure = Figure.of("rows/s", 20_000, "rows/s").withTarget(Target.atLeastOfCeiling(0.5));

        assertThat(figure.targetRatio()).isNaN();
        assertThat(figure.met()).isFalse();
    }
}
