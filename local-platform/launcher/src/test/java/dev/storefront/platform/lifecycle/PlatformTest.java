package dev.storefront.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The start/stop orchestration, with fake components (the real ones are proven by the end-to-end tests). */
class PlatformTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private final class Fake implements Component {
        private final String name;
        private final List<String> dependsOn;
        private List<String> uses;
        private final boolean fails;
        private volatile boolean running;
        private CountDownLatch failsOnlyAfter = new CountDownLatch(0);
        private CountDownLatch healthy = new CountDownLatch(0);
        private long launchMillis = 20;
        private long healthMillis;

        Fake(String name, boolean fails, String... dependsOn) {
            this.name = name;
            this.fails = fails;
            this.dependsOn = List.of(dependsOn);
            this.uses = this.dependsOn;
        }

        Fake alsoUses(String... more) {
            uses = new java.util.ArrayList<>(dependsOn);
            uses.addAll(List.of(more));
            return this;
        }

        /** As a {@code kill -9} would leave it. */
        void crash() {
            running = false;
        }

        /** Fails only once {@code latch} is open. */
        Fake failsOnlyAfter(CountDownLatch latch) {
            failsOnlyAfter = latch;
            return this;
        }

        /** Opens {@code latch} once healthy. */
        Fake opensWhenHealthy(CountDownLatch latch) {
            healthy = latch;
            return this;
        }

        /** Like a process: takes {@code launch} ms to launch, then {@code health} ms until healthy. */
        Fake takes(long launch, long health) {
            launchMillis = launch;
            healthMillis = health;
            return this;
        }

        @Override
        public List<String> usesWhileRunning() {
            return uses;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<String> dependsOn() {
            return dependsOn;
        }

        @Override
        public void start() throws ComponentFailure, InterruptedException {
            Thread.sleep(launchMillis);
            if (fails) {
                failsOnlyAfter.await();
                throw new ComponentFailure(name, "boom", null);
            }
            running = true;
            Thread.sleep(healthMillis);
            events.add("started " + name);
            healthy.countDown();
        }

        @Override
        public boolean stop() {
            if (running) {
                events.add("stopping " + name);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running = false;
                events.add("stopped " + name);
            }
            return true;
        }

        @Override
        public boolean isHealthy() {
            return running;
        }

        @Override
        public OptionalLong pid() {
            return running ? OptionalLong.of(1) : OptionalLong.empty();
        }

        @Override
        public String endpoint() {
            return name;
        }

        @Override
        public Path logFile() {
            return null;
        }
    }

    @Test
    void startsEachComponentAfterItsDependenciesAndStopsInReverse() throws Exception {
        Platform platform = new Platform(
                List.of(
                        new Fake("postgres", false), new Fake("kafka", false),
                        new Fake("connect", false, "kafka"), new Fake("init", false, "connect", "postgres")),
                s -> {});

        platform.start();

        assertThat(events.indexOf("started connect")).isGreaterThan(events.indexOf("started kafka"));
        assertThat(events.indexOf("started init"))
                .isGreaterThan(events.indexOf("started connect"))
                .isGreaterThan(events.indexOf("started postgres"));
        events.clear();
        platform.stop();
        assertThat(events)
                .containsSubsequence(
                        "stopped init", "stopping connect", "stopped connect", "stopping kafka", "stopped kafka")
                .containsSubsequence("stopped init", "stopping postgres");
    }

    @Test
    void stopsWhatUsesAComponentBeforeItAndTheRestInParallel() throws Exception {
        // connect starts right after kafka, beside the registry, but uses the registry while it runs.
        Platform platform = new Platform(
                List.of(
                        new Fake("kafka", false),
                        new Fake("registry", false),
                        new Fake("seeder", false),
                        new Fake("connect", false, "kafka").alsoUses("registry")),
                s -> {});
        platform.start();
        events.clear();

        platform.stop();

        assertThat(events)
                .containsSubsequence("stopped connect", "stopping registry")
                .containsSubsequence("stopped connect", "stopping kafka");
        assertThat(events.indexOf("stopping seeder"))
                .as("the seeder stops beside connect, not after it")
                .isLessThan(events.indexOf("stopped connect"));
    }

    @Test
    void aFailureNamesTheComponentAndStopsTheOthers() {
        Platform platform = new Platform(
                List.of(
                        new Fake("postgres", false), new Fake("kafka", false),
                        new Fake("connect", true, "kafka"), new Fake("init", false, "connect")),
                s -> {});

        assertThatThrownBy(platform::start)
                .isInstanceOfSatisfying(
                        ComponentFailure.class, f -> assertThat(f.component()).isEqualTo("connect"));
        assertThat(events).contains("stopped kafka", "stopped postgres").doesNotContain("started init");
    }

    @Test
    void aStartUnderWayWhenAnotherFailsIsEndedAndWhatItLaunchedIsStopped() {
        // The pipeline starts once the registry is healthy, just as the seeder fails: it launches after the stop
        // has begun, and must not outlive it.
        CountDownLatch registryHealthy = new CountDownLatch(1);
        Platform platform = new Platform(
                List.of(
                        new Fake("postgres", false),
                        new Fake("seeder", true, "postgres").failsOnlyAfter(registryHealthy),
                        new Fake("registry", false, "postgres").opensWhenHealthy(registryHealthy),
                        new Fake("pipeline", false, "registry").takes(30, 5_000)),
                s -> {});

        assertThatThrownBy(platform::start)
                .isInstanceOfSatisfying(
                        ComponentFailure.class, f -> assertThat(f.component()).isEqualTo("seeder"));
        assertThat(platform.components())
                .as("still running after the failed start")
                .noneMatch(component -> component.pid().isPresent());
    }

    @Test
    void aStopWhileStartingEndsTheStartsAndStopsWhatTheyLaunched() throws Exception {
        Fake kafka = new Fake("kafka", false).takes(0, 5_000);
        Platform platform = new Platform(List.of(kafka, new Fake("connect", false, "kafka")), s -> {});
        CompletableFuture<Void> start = CompletableFuture.runAsync(() -> {
            try {
                platform.start();
            } catch (ComponentFailure | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(2)).until(() -> kafka.pid().isPresent());

        platform.stop();

        assertThat(platform.components())
                .as("still running after the stop")
                .noneMatch(component -> component.pid().isPresent());
        assertThatThrownBy(start::join).hasRootCauseInstanceOf(ComponentFailure.class);
        assertThat(events).doesNotContain("started kafka", "started connect");
    }

    @Test
    void aStopDuringARestartEndsItAndStopsWhatItLaunched() throws Exception {
        Fake kafka = new Fake("kafka", false);
        Platform platform = new Platform(List.of(kafka), s -> {});
        platform.start();
        kafka.crash();
        kafka.takes(0, 5_000);
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            try {
                platform.startAgain(kafka);
            } catch (ComponentFailure | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(2)).until(() -> kafka.pid().isPresent());

        platform.stop();

        assertThat(kafka.pid()).as("kafka after the stop").isEmpty();
        assertThatThrownBy(restart::join).hasRootCauseInstanceOf(InterruptedException.class);
        assertThatThrownBy(() -> platform.startAgain(kafka))
                .isInstanceOf(ComponentFailure.class)
                .hasMessageContaining("stopping");
        assertThat(kafka.pid()).as("kafka after a restart asked once stopped").isEmpty();
    }

    @Test
    void dependenciesMustBeDeclaredFirst() {
        assertThatThrownBy(() ->
                        new Platform(List.of(new Fake("connect", false, "kafka"), new Fake("kafka", false)), s -> {}))
                .hasMessageContaining("connect depends on kafka");
    }
}
