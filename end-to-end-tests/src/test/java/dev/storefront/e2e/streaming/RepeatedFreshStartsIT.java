package dev.storefront.e2e.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.run.Command.Result;
import dev.storefront.e2e.support.LocalPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The start-order race: creating connectors makes the Connect group rebalance, and requests in that window got 409 or
 * 500 "a rebalance is expected", which failed a third of fresh starts. Ten fresh starts in a row on a scratch platform
 * (reset, up --detach, status, down) must all come up with every connector RUNNING and stop cleanly; the first also
 * verifies, as a new user would, and finds every output matching although no sink has created its table yet. It runs first,
 * before the shared platform starts, so the starts have the machine to themselves as a user's would.
 */
@Order(0)
class RepeatedFreshStartsIT {

    private static final int STARTS = 10;
    private static final Pattern UP_TIME = Pattern.compile("The storefront CDC platform is up \\(([0-9.]+) s\\)");

    @Test
    void tenFreshStartsInARowComeUpWithEveryConnectorRunningAndStopCleanly() throws IOException {
        LocalPlatform platform = LocalPlatform.scratch("fresh-starts");
        Path platformDir = Path.of(platform.env().require(PlatformVariable.PLATFORM_DIR));
        List<String> connectors = connectorNames(platform.root().resolve("connectors"));
        List<String> startTimes = new ArrayList<>();
        try {
            for (int start = 1; start <= STARTS; start++) {
                String cycle = "fresh start " + start + " of " + STARTS;
                Result reset = platform.platform("reset", "--yes");
                assertThat(reset.exitCode())
                        .as(cycle + ": reset\n" + reset.output())
                        .isZero();
                assertThat(platformDir.resolve("data"))
                        .as(cycle + ": reset left no data")
                        .doesNotExist();

                Result up = platform.platform("up", "--detach");
                assertThat(up.exitCode())
                        .as(cycle + ": up --detach\n" + up.output())
                        .isZero();
                Matcher upTime = UP_TIME.matcher(up.output());
                assertThat(upTime.find())
                        .as(cycle + ": up reports its time\n" + up.output())
                        .isTrue();
                startTimes.add(upTime.group(1) + " s");
                String connectInitLog = Files.readString(platformDir.resolve("logs/connect-init.log"));
                for (String connector : connectors) {
                    assertThat(connectInitLog)
                            .as(cycle + ": a fresh start creates " + connector)
                            .contains(connector + ": created");
                }

                Result status = platform.platform("status");
                assertThat(status.exitCode())
                        .as(cycle + ": status\n" + status.output())
                        .isZero();
                assertThat(status.output()).as(cycle).doesNotContain("DOWN");
                for (String connector : connectors) {
                    assertThat(status.output()).as(cycle).containsPattern(Pattern.quote(connector) + "\\s+RUNNING\\n");
                }

                if (start == 1) {
                    // Nothing captured yet, so no sink has created its table: that is a match, not an error.
                    Result verify = platform.platform("verify");
                    assertThat(verify.exitCode())
                            .as(cycle + ": verify on a fresh platform\n" + verify.output())
                            .isZero();
                    assertThat(verify.output()).as(cycle).contains("outputs match PostgreSQL");
                }

                Result down = platform.platform("down");
                assertThat(down.exitCode())
                        .as(cycle + ": down\n" + down.output())
                        .isZero();
                assertThat(down.output()).as(cycle).contains("Stopped.");
                assertThat(Files.readString(platformDir.resolve("logs/launcher.log")))
                        .as(cycle + ": every component stopped by itself, none was killed")
                        .doesNotContain("KILLED");
                assertThat(platform.portsInUse())
                        .as(cycle + ": every port is released after down")
                        .isEmpty();
            }
        } finally {
            System.out.println("Start times (`up` as reported): " + startTimes);
            platform.down();
        }
    }

    private static List<String> connectorNames(Path connectorsDir) throws IOException {
        try (Stream<Path> files = Files.list(connectorsDir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".template.json"))
                    .map(name -> name.substring(0, name.length() - ".template.json".length()))
                    .sorted()
                    .toList();
        }
    }
}
