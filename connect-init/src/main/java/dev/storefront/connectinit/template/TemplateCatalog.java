package dev.storefront.connectinit.template;

import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The connector templates of a directory: {@code <name>.template.json}, one connector each. */
public final class TemplateCatalog {

    static final String SUFFIX = ".template.json";

    private final Path dir;
    private final SortedMap<String, Path> templates;

    private TemplateCatalog(Path dir, SortedMap<String, Path> templates) {
        this.dir = dir;
        this.templates = templates;
    }

    public static TemplateCatalog scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CliFailure(
                    ExitCode.CONFIG,
                    "No connectors directory at " + dir.toAbsolutePath()
                            + " (run from the repository root, or point to it with --connectors-dir)");
        }
        SortedMap<String, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .forEach(file -> found.put(nameOf(file), file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        if (found.isEmpty()) {
            throw new CliFailure(ExitCode.CONFIG, "No *" + SUFFIX + " template in " + dir.toAbsolutePath());
        }
        return new TemplateCatalog(dir, found);
    }

    static String nameOf(Path template) {
        String file = template.getFileName().toString();
        return file.substring(0, file.length() - SUFFIX.length());
    }

    public List<String> names() {
        return List.copyOf(templates.keySet());
    }

    /** The asked connector names in the given order (every template when none is asked); unknown names fail. */
    public List<String> select(List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            return names();
        }
        List<String> unknown = asked.stream()
                .filter(name -> !templates.containsKey(name))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            throw new CliFailure(
                    ExitCode.CONFIG,
                    "Unknown connector " + String.join(", ", unknown)
                            + ": no such " + SUFFIX + " in " + dir.toAbsolutePath()
                            + "; known templates: " + String.join(", ", templates.keySet()));
        }
        return new ArrayList<>(new LinkedHashSet<>(asked));
    }

    public Path file(String name) {
        return templates.get(name);
    }
}
