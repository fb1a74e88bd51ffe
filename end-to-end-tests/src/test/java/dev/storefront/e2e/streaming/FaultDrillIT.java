package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * `./platform drill` on its own scratch platform, smaller than a user's (a lower rate, three components): every fault
 * heals with no manual step (PostgreSQL killed mid-stream is restarted by the launcher and the FAILED sink tasks by
 * the launcher too; `./platform restart` of each succeeds), every output matches PostgreSQL afterwards, no change
 * is seen twice in the CDC topics and no transaction is left open (Kafka's kill and restart: every start fences the
 * broker's previous registration first, see the launcher's RegistrationFence). It runs before the shared platform
 * starts, so the two never compete for the machine.
 */
@Order(-2)
class FaultDrillIT {

    private static final List<String> COMPONENTS = List.of("postgres", "kafka", "connect");
    /**
     * About 6 minutes on an idle machine, over 8 when it runs at half speed; the drill's own limits per fault (heal,
     * settle) fail it with its table long before this, which only ends a drill that hangs.
     */
    private static final Duration DRILL_LIMIT = Duration.ofMinutes(20);

    private static final String HEADER = "| fault | component |";
    private static final Pattern ROW = Pattern.compile(
            "^\\| (kill|restart) \\| (\\S+) \\| ([0-9.]+ s|NOT HEALED) \\| (\\d+) \\| (\\d+) \\| (.+) \\|$",
            Pattern.MULTILINE);

    @Test
    void everyFaultHealsAndNothingIsLostOrDoubled() throws IOException {
        LocalPlatform launcher = LocalPlatform.scratch("drill-launcher");

        Result drill = launcher.platform(
                DRILL_LIMIT,
                "drill",
                "--rate",
                "60",
                "--components",
                String.join(",", COMPONENTS),
                "--faults",
                "kill,restart",
                "--stream",
                "3s",
                "--orders",
                "400");

        // The drill prints its table so far after each fault; the last one is its finding.
        String output = drill.output();
        Matcher row = ROW.matcher(output.substring(Math.max(0, output.lastIndexOf(HEADER))));
        int rows = 0;
        while (row.find()) {
            rows++;
            String fault = row.group(1) + " " + row.group(2);
            assertThat(row.group(3)).as(fault + ": time to healthy").endsWith(" s");
            assertThat(Long.parseLong(row.group(4)))
                    .as(fault + ": changes seen twice")
                    .isZero();
            assertThat(Integer.parseInt(row.group(5)))
                    .as(fault + ": outputs matching")
                    .isGreaterThan(15);
            assertThat(row.group(6)).as(fault + ": outputs differing").isEqualTo("none");
        }
        assertThat(rows).as("one row per fault in:\n" + output).isEqualTo(2 * COMPONENTS.size());
        assertThat(drill.exitCode()).as(drill.output()).isZero();
        // Its kill and restart of Kafka: each start fenced the previous registration first, no transaction lost
        // markers.
        // Counted, not containsSubsequence: AssertJ's took 99 s on this 1.7 MB log.
        String kafkaLog = Files.readString(
                LocalPlatform.repositoryRoot().resolve("fault-drill/target/drill-platform/logs/kafka.log"));
        assertThat(StringUtils.countMatches(kafkaLog, "[launcher] starting the node as a controller alone"))
                .as("fences started")
                .isGreaterThanOrEqualTo(2);
        assertThat(StringUtils.countMatches(kafkaLog, "Fencing broker 1 "))
                .as("registrations fenced")
                .isGreaterThanOrEqualTo(2);
        assertThat(kafkaLog).doesNotContain("Couldn't find leader endpoint");
    }
}
