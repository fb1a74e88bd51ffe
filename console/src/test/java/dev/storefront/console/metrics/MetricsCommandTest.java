package dev.storefront.console.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.console.ConsoleMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MetricsCommandTest {

    @Test
    void aCountOrIntervalThatIsNoPositiveNumberIsRefusedNamingTheOption() {
        assertThat(run("metrics", "--count", "0")).contains("'--count': must be 1 or more, got 0");
        assertThat(run("metrics", "--interval", "0s")).contains("'0s' is not a positive duration");
    }

    /** The command line's error output; nothing is scraped, as the options are checked first. */
    private static String run(String... args) {
        CommandLine console = ConsoleMain.commandLine(Map.of());
        StringWriter err = new StringWriter();
        console.setErr(new PrintWriter(err));
        assertThat(console.execute(args)).as(err.toString()).isEqualTo(2);
        return err.toString();
    }
}
