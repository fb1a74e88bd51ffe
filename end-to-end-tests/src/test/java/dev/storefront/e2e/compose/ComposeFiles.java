package dev.storefront.e2e.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.storefront.contract.PlatformEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose files of the layers as written (before interpolation), the root .env they read, and the
 * Dockerfiles they build: what the compose checks compare with each other and with local mode.
 */
final class ComposeFiles {

    static final List<String> LAYERS = List.of("source", "streaming", "pipeline", "monitoring");
    /** ${VAR} or ${VAR:-default} / ${VAR-default}; $${...} is compose's escape for a literal and is skipped. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path root;
    final Map<String, String> env;
    private final Map<Path, String> texts = new LinkedHashMap<>();
    /** Each layer's file, parsed. */
    final Map<String, JsonNode> layers = new LinkedHashMap<>();
    /** Every service of the layers' files, by name. */
    final Map<String, Service> services = new LinkedHashMap<>();

    record Service(String name, Path file, JsonNode node) {

        List<String> ports() {
            List<String> ports = new ArrayList<>();
            node.path("ports").forEach(port -> ports.add(port.asText()));
            return ports;
        }

        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            node.path("environment")
                    .fields()
                    .forEachRemaining(
                            e -> environment.put(e.getKey(), e.getValue().asText()));
            return environment;
        }
    }

    /** One instruction of a Dockerfile: its keyword and its arguments without flags (--chown=..., --from=...). */
    record Instruction(String keyword, List<String> arguments) {}

    private ComposeFiles(Path root) {
        this.root = root;
        this.env = PlatformEnv.readFile(root.resolve(".env"));
    }

    static ComposeFiles load() {
        Path root = Path.of(System.getProperty("repository.root", ".."))
                .toAbsolutePath()
                .normalize();
        ComposeFiles compose = new ComposeFiles(root);
        for (String layer : LAYERS) {
            Path file = compose.file(layer);
            try {
                String text = Files.readString(file);
                compose.texts.put(file, text);
                JsonNode tree = YAML.readTree(text);
                compose.layers.put(layer, tree);
                tree.path("services")
                        .fields()
                        .forEachRemaining(
                                e -> compose.services.put(e.getKey(), new Service(e.getKey(), file, e.getValue())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return compose;
    }

    Path file(String layer) {
        return root.resolve("compose/docker-compose." + layer + ".yaml");
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No compose service " + name + " in " + services.keySet());
        }
        return service;
    }

    /** Names of every ${VAR} the compose files interpolate (outside comments), by file. */
    Map<Path, Set<String>> variables() {
        Map<Path, Set<String>> variables = new LinkedHashMap<>();
        texts.forEach((file, text) -> {
            Set<String> names = new TreeSet<>();
            // Comments are not interpolated.
            Matcher matcher = VARIABLE.matcher(text.replaceAll("(?m)^\\s*#.*$", ""));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            variables.put(file, names);
        });
        return variables;
    }

    /** The Dockerfile a service builds (build.dockerfile relative to build.context, itself relative to its file). */
    Path dockerfile(Service service) {
        JsonNode build = service.node().path("build");
        Path context = service.file()
                .getParent()
                .resolve(build.path("context").asText("."))
                .normalize();
        return context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
    }

    Path buildContext(Service service) {
        return service.file()
                .getParent()
                .resolve(service.node().path("build").path("context").asText("."))
                .normalize();
    }

    List<Service> builtServices() {
        return services.values().stream().filter(s -> s.node().has("build")).toList();
    }

    /** The image's ENTRYPOINT, written in exec form (a JSON array), as its words. */
    static List<String> entrypoint(Path dockerfile) {
        Instruction entrypoint = instructions(dockerfile).stream()
                .filter(i -> i.keyword().equals("ENTRYPOINT"))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException(dockerfile + " has no ENTRYPOINT"));
        try {
            return List.of(YAML.readValue(String.join(" ", entrypoint.arguments()), String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(dockerfile + ": ENTRYPOINT is not in exec form", e);
        }
    }

    /**
     * Where each COPY of the Dockerfile puts its source inside the image (absolute, against WORKDIR), mapped to that
     * source in {@code context}.
     */
    static Map<String, Path> copiedPaths(Path dockerfile, Path context) {
        Map<String, Path> copied = new LinkedHashMap<>();
        Path workdir = Path.of("/");
        for (Instruction instruction : instructions(dockerfile)) {
            List<String> arguments = instruction.arguments();
            if (instruction.keyword().equals("WORKDIR")) {
                workdir = workdir.resolve(arguments.get(0));
            } else if (instruction.keyword().equals("COPY") && arguments.size() == 2) {
                copied.put(workdir.resolve(arguments.get(1)).toString(), context.resolve(arguments.get(0)));
            }
        }
        return copied;
    }

    static List<Instruction> instructions(Path dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] words = trimmed.split("\\s+");
                List<String> arguments = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    if (!words[i].startsWith("--")) {
                        arguments.add(words[i]);
                    }
                }
                instructions.add(new Instruction(words[0].toUpperCase(), arguments));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dockerfile, e);
        }
        return instructions;
    }
}
