package dev.storefront.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What local mode declares, read from the launcher's components manifest (the file the launcher itself builds its
 * components from) and its configuration files: each component's name and the .env variables of its ports, and the
 * paths of its Connect worker.
 */
final class LocalMode {

    private static final Path LAUNCHER = Path.of("local-platform/launcher/src/main");
    private static final Path MANIFEST = LAUNCHER.resolve("resources/components.json");

    private LocalMode() {}

    /** Component name -> the variables of the ports it listens on. */
    static Map<String, Set<String>> portVariables(Path root) {
        Map<String, Set<String>> ports = new LinkedHashMap<>();
        for (JsonNode component : manifest(root).path("components")) {
            Set<String> variables = new LinkedHashSet<>();
            component
                    .path("ports")
                    .forEach(port -> variables.add(port.path("variable").asText()));
            ports.put(component.path("name").asText(), variables);
        }
        return ports;
    }

    /**
     * Component name -> the JVM flags its manifest entry gives it (components without a JVM left out): the heap
     * ({@code heap}, {@code initialHeap}, {@code youngGeneration}), the C1 compiler alone where {@code
     * quickCompilerOnly}, and the serial collector every component JVM of local mode runs.
     */
    static Map<String, Set<String>> jvmFlags(Path root) {
        Map<String, Set<String>> flags = new LinkedHashMap<>();
        for (JsonNode component : manifest(root).path("components")) {
            if (component.path("heap").isTextual()) {
                Set<String> jvm = new LinkedHashSet<>();
                jvm.add("-Xmx" + component.path("heap").asText());
                optional(component, "initialHeap").ifPresent(size -> jvm.add("-Xms" + size));
                optional(component, "youngGeneration").ifPresent(size -> jvm.add("-Xmn" + size));
                jvm.add(SERIAL_COLLECTOR);
                if (component.path("quickCompilerOnly").asBoolean()) {
                    jvm.add("-XX:TieredStopAtLevel=1");
                }
                flags.put(component.path("name").asText(), jvm);
            }
        }
        return flags;
    }

    /** The collector of every local-mode JVM (the launcher's JavaCommand). */
    static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";

    private static Optional<String> optional(JsonNode component, String field) {
        return component.path(field).isTextual()
                ? Optional.of(component.path(field).asText())
                : Optional.empty();
    }

    /** The plugin.path folder the local Connect worker loads, relative to the root. */
    static String connectPluginPath(Path root) {
        return manifest(root).path("connectPluginPath").asText();
    }

    private static JsonNode manifest(Path root) {
        try {
            return new ObjectMapper().readTree(root.resolve(MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the launcher's manifest " + MANIFEST, e);
        }
    }

    /** Local mode's worker configuration template (the Connect image renders the same file). */
    static final String CONNECT_WORKER_TEMPLATE =
            LAUNCHER.resolve("resources/connect/connect-distributed.properties").toString();

    /** Local mode's registry settings (KEY=value with ${VAR} placeholders). */
    static Set<String> registrySettingNames(Path root) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(root.resolve(LAUNCHER).resolve("resources/registry/registry.env"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.substring(0, line.indexOf('=')).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
