package dev.storefront.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.platform.lifecycle.ComponentManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
     * Component name -> the JVM options the launcher gives it, built by the launcher's own code from this manifest
     * (components without a JVM left out).
     */
    static Map<String, List<String>> jvmOptions(Path root) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        try {
            ComponentManifest manifest =
                    new ObjectMapper().readValue(root.resolve(MANIFEST).toFile(), ComponentManifest.class);
            manifest.components().stream()
                    .filter(spec -> spec.heap() != null)
                    .forEach(spec -> options.put(spec.name(), spec.java().jvmOptions()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the launcher's manifest " + MANIFEST, e);
        }
        return options;
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

    /** Local mode's logging of the broker and the worker (the Connect image logs with the same file). */
    static final String CONNECT_LOG_CONFIG =
            LAUNCHER.resolve("resources/kafka/log4j2.properties").toString();

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
