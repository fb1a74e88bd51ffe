package dev.storefront.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What local mode declares, read from the launcher's sources (this module cannot depend on the launcher's jar): each
 * component's name and the .env variables of the ports it claims, and the paths of its Connect worker.
 */
final class LocalMode {

    private static final Path LAUNCHER = Path.of("local-platform/launcher/src/main");
    private static final Pattern NAME = Pattern.compile("String NAME = \"([^\"]+)\"");
    private static final Pattern PORT_CLAIM = Pattern.compile("new PortClaim\\(\"([A-Z0-9_]+)\"");
    private static final Pattern PLUGIN_PATH =
            Pattern.compile("connectPluginPath\\(\\) \\{\\s*return home\\.resolve\\(\"([^\"]+)\"\\)");

    private LocalMode() {}

    /** Component name -> the variables of its PortClaims, from every *Component.java of the launcher. */
    static Map<String, Set<String>> portVariables(Path root) {
        Map<String, Set<String>> ports = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve(LAUNCHER).resolve("java"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Component.java"))
                    .toList()) {
                String source = Files.readString(file);
                Matcher name = NAME.matcher(source);
                if (!name.find()) {
                    continue;
                }
                Set<String> variables = new LinkedHashSet<>();
                Matcher claim = PORT_CLAIM.matcher(source);
                while (claim.find()) {
                    variables.add(claim.group(1));
                }
                ports.put(name.group(1), variables);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }

    /** The plugin.path folder the local Connect worker loads (Layout.connectPluginPath), relative to the root. */
    static String connectPluginPath(Path root) {
        return find(root.resolve(LAUNCHER).resolve("java/dev/storefront/platform/Layout.java"), PLUGIN_PATH);
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

    private static String find(Path file, Pattern pattern) {
        try {
            Matcher matcher = pattern.matcher(Files.readString(file));
            if (!matcher.find()) {
                throw new IllegalStateException(
                        pattern + " not found in " + file + ": update this check with the launcher");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
