package dev.storefront.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ForegroundJavaTest {

    /** A launcher stand-in: starts a long tool, waits for it as the launcher does, its pid printed once it does. */
    public static void main(String[] args) throws Exception {
        Process tool = new ProcessBuilder("sleep", "300").start();
        try (ForegroundJava.Registration ending = ForegroundJava.endWithThisJvm(tool)) {
            System.out.println(tool.pid());
            System.out.flush();
            tool.waitFor();
        }
    }

    @Test
    void aLauncherToldToEndEndsItsToolInsteadOfLeavingItRunning() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process launcher = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), ForegroundJavaTest.class.getName())
                .redirectErrorStream(true)
                .start();
        ProcessHandle tool = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            tool = ProcessHandle.of(Long.parseLong(out.readLine().trim())).orElseThrow();
            assertThat(tool.isAlive()).isTrue();

            launcher.destroy(); // SIGTERM to the launcher alone, as kill <pid> sends it

            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            tool.onExit().get(10, TimeUnit.SECONDS); // a TimeoutException if the tool was left running
            assertThat(tool.isAlive()).isFalse();
        } finally {
            launcher.destroyForcibly();
            if (tool != null) {
                tool.destroyForcibly();
            }
        }
    }
}
