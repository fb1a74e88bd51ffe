package dev.storefront.contract.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    private static final Duration SHORT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void keepsTheExitCodeAndEverythingPrinted() {
        Command.Result result =
                Command.run(dir, Map.of("GREETING", "hi"), SHORT, sh("echo $GREETING; echo oops >&2; exit 3"));

        assertThat(result).isEqualTo(new Command.Result(3, "hi\noops\n"));
    }

    @Test
    void aTimedOutCommandEndsWithEveryProcessItStartedAndShowsWhereItWas() throws Exception {
        // The grandchild stands for a tool's scratch platform: left alive, it would compete with the next test.
        List<String> command = sh("sleep 300 & echo $! > grandchild.pid; echo started a grandchild; wait");

        assertThatThrownBy(() -> Command.run(dir, Map.of(), SHORT, command))
                .hasMessageStartingWith("Timed out after PT2S: sh -c")
                .hasMessageEndingWith("The last it printed:\nstarted a grandchild");
        long grandchild =
                Long.parseLong(Files.readString(dir.resolve("grandchild.pid")).strip());
        // SIGKILL is sent, not awaited: gone within seconds, or this fails.
        if (ProcessHandle.of(grandchild).isPresent()) {
            ProcessHandle.of(grandchild).get().onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTimedOutCommandGetsToCleanUpFirst() {
        List<String> command = sh("trap 'echo cleaned up > clean-up; exit 0' TERM; sleep 300 & wait");

        assertThatThrownBy(() -> Command.run(dir, Map.of(), SHORT, command)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("clean-up")).hasContent("cleaned up");
    }

    @Test
    void theTailIsTheLastLines() {
        String output = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

        List<String> tail = Command.tail(output).lines().toList();

        assertThat(tail).hasSize(60).startsWith("line 41").endsWith("line 100");
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }
}
