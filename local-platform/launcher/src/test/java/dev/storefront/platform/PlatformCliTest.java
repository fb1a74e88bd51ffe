package dev.storefront.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The launcher's command line refuses what it does not know, and changes nothing then. */
class PlatformCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PlatformCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "status", "reset", "restart connect"})
    void anUnknownFlagIsAUsageErrorNamingIt(String command) {
        assertThat(run((command + " --bogus").split(" "))).isEqualTo(PlatformCli.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingIt() {
        assertThat(run("upp")).isEqualTo(PlatformCli.USAGE);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'upp'");
    }

    @Test
    void versionNamesThePlatformAndItsJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString())
                .startsWith("storefront CDC platform ")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void resetWithoutYesAndWithoutATerminalDeletesNothingAndFails(@TempDir Path home) throws IOException {
        Path platformDir = home.resolve("platform-data");
        Files.createDirectories(platformDir.resolve("data/postgres"));
        Files.writeString(
                home.resolve(".env"),
                Files.readString(Path.of("../../.env"))
                        .replace("PLATFORM_DIR=.platform", "PLATFORM_DIR=" + platformDir));

        int code = run("--home", home.toString(), "reset");

        assertThat(code).isEqualTo(PlatformCli.USAGE);
        assertThat(platformDir.resolve("data/postgres")).exists();
    }

    @Test
    void restartNamesTheClosestComponentForOneThatDoesNotRunAndFailsWhenNothingRuns(@TempDir Path home)
            throws IOException {
        Files.writeString(
                home.resolve(".env"),
                Files.readString(Path.of("../../.env")).replace("PLATFORM_DIR=.platform", "PLATFORM_DIR=" + home));

        assertThat(run("--home", home.toString(), "restart", "conect")).isEqualTo(PlatformCli.USAGE);
        assertThat(err.toString() + out)
                .contains("conect is not a component that runs (did you mean connect?); one of: postgres, kafka");
        assertThat(run("--home", home.toString(), "restart", "connect-init")).isEqualTo(PlatformCli.USAGE);
        assertThat(run("--home", home.toString(), "restart", "connect", "--timeout", "0s"))
                .isEqualTo(PlatformCli.USAGE);

        assertThat(run("--home", home.toString(), "restart", "connect")).isEqualTo(PlatformCli.FAILED);
        assertThat(err.toString() + out).contains("the platform is not running here");
        assertThat(home.resolve("run/restart")).doesNotExist();
    }

    @Test
    void upRefusesABindAddressThatIsNotThisMachinesAndStartsNothing(@TempDir Path home) throws IOException {
        Path platformDir = home.resolve("platform-data");
        Files.writeString(
                home.resolve(".env"),
                Files.readString(Path.of("../../.env"))
                        .replace("PLATFORM_DIR=.platform", "PLATFORM_DIR=" + platformDir)
                        .replace("BIND_ADDRESS=127.0.0.1", "BIND_ADDRESS=192.0.2.1"));

        assertThat(run("--home", home.toString(), "up", "--detach")).isEqualTo(PlatformCli.CONFIG_ERROR);
        assertThat(err.toString())
                .contains("BIND_ADDRESS=192.0.2.1 is not an address of this machine")
                .contains("127.0.0.1 (this machine only) or 0.0.0.0");
        assertThat(platformDir).doesNotExist();
    }
}
