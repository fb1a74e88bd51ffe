package dev.storefront.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The jar's command line, before any platform is contacted. */
class SchemaEvolutionMainTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SchemaEvolutionMain.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aCommandIsRequired() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: evolve or snapshot");
    }

    @Test
    void aSnapshotNeedsATable() {
        assertThat(run("snapshot", "--where", "id > 1")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'TABLE'");
    }
}
