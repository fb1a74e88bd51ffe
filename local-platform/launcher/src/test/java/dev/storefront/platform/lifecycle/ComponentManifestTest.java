package dev.storefront.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.PlatformVariable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped manifest against the contract: every local port claimed once, every dependency declared earlier. */
class ComponentManifestTest {

    private final ComponentManifest manifest = ComponentManifest.SHIPPED;

    @Test
    void everyLocalPortVariableIsClaimedByExactlyOneComponent() {
        List<String> claimed = new ArrayList<>();
        manifest.components().forEach(spec -> spec.ports().forEach(port -> claimed.add(port.variable())));

        assertThat(claimed)
                .containsExactlyInAnyOrderElementsOf(
                        PlatformVariable.localPorts().stream().map(Enum::name).toList());
        manifest.components()
                .forEach(spec -> spec.ports()
                        .forEach(port -> assertThat(port.hostVariable() == null ? port.host() : port.hostVariable())
                                .as("host of %s", port.variable())
                                .isNotBlank()));
    }

    @Test
    void everyComponentDependsOnAndUsesOnlyComponentsDeclaredBeforeIt() {
        List<String> seen = new ArrayList<>();
        for (ComponentManifest.Spec spec : manifest.components()) {
            assertThat(seen).as("dependencies of %s", spec.name()).containsAll(spec.dependsOn());
            assertThat(seen).as("what %s uses while running", spec.name()).containsAll(spec.usesWhileRunning());
            assertThat(spec.startTimeout()).as(spec.name()).isPositive();
            seen.add(spec.name());
        }
        assertThat(manifest.spec("connect").usesWhileRunning()).contains("postgres", "registry", "kafka");
        assertThat(manifest.spec("connect-init").oneShot()).isTrue();
        assertThat(manifest.connectPluginPath()).isEqualTo("local-platform/connect-plugins/target/plugins");
    }

    @Test
    void everyJvmStartsWithTheHeapItsManifestSetsNotTheJvmsShareOfRam() {
        manifest.components().stream()
                .filter(spec -> spec.heap() != null)
                .forEach(spec -> assertThat(spec.initialHeap()).as(spec.name()).isNotBlank());
    }

    @Test
    void theJvmsOffTheChangesPathRunTheQuickCompilerAloneAndThoseOnItKeepC2() {
        List<ComponentManifest.Spec> quickOnly = manifest.components().stream()
                .filter(ComponentManifest.Spec::quickCompilerOnly)
                .toList();

        quickOnly.forEach(
                spec -> assertThat(spec.java().toList()).as(spec.name()).contains("-XX:TieredStopAtLevel=1"));
        // Every change passes through Kafka, Connect and the pipeline: the latency was measured with their C2 code.
        // The seeder's bursts end before C2's code pays off (components.json says by how much).
        assertThat(quickOnly)
                .extracting(ComponentManifest.Spec::name)
                .contains("seeder", "registry")
                .doesNotContain("kafka", "connect", "pipeline");
    }

    @Test
    void aYoungGenerationIsOnTheJvmsCommandAndLeavesTheOldGenerationPartOfTheInitialHeap() {
        List<ComponentManifest.Spec> withYoung = manifest.components().stream()
                .filter(spec -> spec.youngGeneration() != null)
                .toList();

        assertThat(withYoung).extracting(ComponentManifest.Spec::name).contains("connect");
        withYoung.forEach(spec -> {
            assertThat(spec.java().toList()).as(spec.name()).contains("-Xmn" + spec.youngGeneration());
            // -Xmn at or over the initial heap makes the JVM shrink it with a warning and start without an old
            // generation to speak of.
            assertThat(megabytes(spec.youngGeneration()))
                    .as("%s: young generation inside its initial heap", spec.name())
                    .isLessThan(megabytes(spec.initialHeap()));
        });
    }

    private static long megabytes(String size) {
        long amount = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'm' -> amount;
            case 'g' -> amount * 1024;
            default -> throw new IllegalArgumentException("not a size in m or g: " + size);
        };
    }
}
