package dev.storefront.contract.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksAreDistinctBindableAndOutsideTheKernelsEphemeralRange() {
        int[] ephemeral = FreePorts.ephemeralRange();

        List<Integer> ports =
                IntStream.range(0, 300).map(i -> FreePorts.pick()).boxed().toList();

        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> {
            assertThat(port).isBetween(FreePorts.LOWEST, 65_535);
            assertThat(port < ephemeral[0] || port > ephemeral[1])
                    .as("port %d outside %d-%d", port, ephemeral[0], ephemeral[1])
                    .isTrue();
            assertThat(FreePorts.bindable(port)).as("port %d is free", port).isTrue();
        });
    }

    @Test
    void aPortSomethingListensOnIsNeverPicked() throws Exception {
        // The lowest port is the only candidate: taken, the picker must say so rather than hand it out.
        int[] onlyTheLowest = {FreePorts.LOWEST + 1, 65_535};
        try (ServerSocket taken = new ServerSocket()) {
            if (FreePorts.bindable(FreePorts.LOWEST)) {
                taken.bind(new InetSocketAddress("localhost", FreePorts.LOWEST));
            }
            assertThat(FreePorts.bindable(FreePorts.LOWEST)).isFalse();

            assertThatThrownBy(() -> FreePorts.pick(onlyTheLowest, FreePorts::bindable, new HashSet<>()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free port");
        }
        assertThat(FreePorts.pick(onlyTheLowest, port -> true, new HashSet<>())).isEqualTo(FreePorts.LOWEST);
    }

    @Test
    void everyCandidateIsHandedOutOnceThenThePickerGivesUp() {
        int[] fiveAbove = {1_024, 65_530};
        Set<Integer> handedOut = new HashSet<>();
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            picked.add(FreePorts.pick(fiveAbove, port -> true, handedOut));
        }
        assertThat(picked).containsExactlyInAnyOrder(65_531, 65_532, 65_533, 65_534, 65_535);
        assertThatThrownBy(() -> FreePorts.pick(fiveAbove, port -> true, handedOut))
                .hasMessageContaining("no free port");
    }

    @Test
    void aRangeCoveringEveryPortAboveTheLowestIsAClearError() {
        assertThatThrownBy(() -> FreePorts.pick(new int[] {1_024, 65_535}, port -> true, new HashSet<>()))
                .hasMessageContaining("no port outside the ephemeral range 1024-65535");
    }

    @Test
    void theRangeFileIsReadAndAnUnreadableOneMeansLinuxsDefault() {
        assertThat(FreePorts.parseRange("32768\t60999\n")).containsExactly(32_768, 60_999);
        assertThat(FreePorts.parseRange("49152 65535")).containsExactly(49_152, 65_535);
        assertThat(FreePorts.parseRange("garbage")).containsExactly(FreePorts.DEFAULT_EPHEMERAL);
    }
}
