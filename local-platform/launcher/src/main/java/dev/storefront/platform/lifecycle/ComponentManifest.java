package dev.storefront.platform.lifecycle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.platform.process.JavaCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Local mode's components as data ({@code components.json}): names, start order, dependencies, ports, heaps and
 * start timeouts. The launcher builds its components from it and the compose consistency check reads the same file,
 * so neither re-derives the other's knowledge.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentManifest(String connectPluginPath, List<Spec> components) {

    /** Where the file lives in the repository (the compose check reads it there). */
    public static final String RESOURCE = "/components.json";

    /** One component; {@code usesWhileRunning} defaults to {@code dependsOn}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(
            String name,
            List<String> dependsOn,
            List<String> usesWhileRunning,
            List<Port> ports,
            String heap,
            String initialHeap,
            String youngGeneration,
            boolean quickCompilerOnly,
            int startTimeoutSeconds,
            boolean oneShot,
            boolean optional,
            String health) {

        public List<String> usesWhileRunning() {
            return usesWhileRunning == null ? dependsOn : usesWhileRunning;
        }

        public Duration startTimeout() {
            return Duration.ofSeconds(startTimeoutSeconds);
        }

        /**
         * Its JVM's command: the heap (maximum, and initial and young generation where set) and the C1 compiler alone
         * where the entry says {@code quickCompilerOnly}.
         */
        public JavaCommand java() {
            JavaCommand java = JavaCommand.withHeap(initialHeap, heap);
            if (youngGeneration != null) {
                java.option("-Xmn" + youngGeneration);
            }
            return quickCompilerOnly ? java.option("-XX:TieredStopAtLevel=1") : java;
        }

        public List<Component.PortClaim> claims(PlatformEnv env) {
            return ports.stream().map(port -> port.claim(env)).toList();
        }
    }

    /** A port it listens on: the .env variable of the port, and the host variable (or fixed host) it binds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Port(String variable, String hostVariable, String host) {

        /** The claim with this configuration's values. */
        public Component.PortClaim claim(PlatformEnv env) {
            return new Component.PortClaim(
                    variable, hostVariable == null ? host : env.require(hostVariable), env.port(variable));
        }
    }

    /** The manifest shipped in the launcher's jar. */
    public static final ComponentManifest SHIPPED = load();

    private static ComponentManifest load() {
        try (InputStream in = ComponentManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new ObjectMapper().readValue(in, ComponentManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public Spec spec(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(RESOURCE + " has no component " + name));
    }

    public Optional<Spec> find(String name) {
        return components.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }
}
