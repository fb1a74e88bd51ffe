package dev.storefront.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line, before any platform is contacted. */
class EvolveMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SchemaEvolutionMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Stream.concat(Stream.of("evolve"), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void listShowsEveryScenarioWithWhatItDoes() {
        assertThat(run("--list")).isZero();
        assertThat(out.toString())
                .contains("add-coupon-code\n    orders gains a nullable coupon_code")
                .contains("drop-order-status\n")
                .contains("rename-customer-email\n");
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheClosestName() {
        assertThat(run("add-copon-code")).isEqualTo(2);
        assertThat(err.toString()).contains("add-copon-code is not a scenario (did you mean add-coupon-code?)");
    }

    @Test
    void noScenarioNamesTheOnesThereAre() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing SCENARIO; one of: add-coupon-code");
    }
}
