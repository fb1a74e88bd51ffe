package dev.storefront.evolution.scenario;

import dev.storefront.contract.ClosestName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The scenarios on the classpath: every folder of {@code db/scenarios} is one, named after the folder. */
public final class Scenarios {

    static final String ROOT = "db/scenarios";
    /** Flyway's versioned migration names, V<version>__<description>.sql, ordered by version. */
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private final List<Scenario> all;

    private Scenarios(List<Scenario> all) {
        this.all = all;
    }

    public static Scenarios onClasspath() {
        try {
            URI root = Scenarios.class.getClassLoader().getResource(ROOT).toURI();
            if ("jar".equals(root.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(root, Map.of())) {
                    return new Scenarios(read(jar.provider().getPath(root)));
                }
            }
            return new Scenarios(read(Path.of(root)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("No " + ROOT + " on the classpath: the migrations jar is missing", e);
        }
    }

    public List<Scenario> all() {
        return all;
    }

    public List<String> names() {
        return all.stream().map(Scenario::name).toList();
    }

    public Optional<Scenario> find(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The message for a name that is not a scenario. */
    public String unknown(String name) {
        return name + " is not a scenario" + ClosestName.suggestion(name, names()) + "; one of: "
                + String.join(", ", names());
    }

    private static List<Scenario> read(Path root) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                List<String> scripts = new ArrayList<>();
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> MIGRATION
                                    .matcher(f.getFileName().toString())
                                    .matches())
                            .sorted(Comparator.comparing(Scenarios::version))
                            .toList()) {
                        scripts.add(Files.readString(file));
                    }
                }
                if (!scripts.isEmpty()) {
                    String name = folder.getFileName().toString().replace("/", "");
                    scenarios.add(new Scenario(name, description(scripts.get(0)), List.copyOf(scripts)));
                }
            }
        }
        return List.copyOf(scenarios);
    }

    private static String version(Path file) {
        Matcher matcher = MIGRATION.matcher(file.getFileName().toString());
        matcher.matches();
        StringBuilder key = new StringBuilder();
        for (String part : matcher.group(1).split("[._]")) {
            key.append(String.format("%010d", Long.parseLong(part)));
        }
        return key.toString();
    }

    /** The leading `--` comment lines of a script, joined. */
    static String description(String sql) {
        List<String> lines = new ArrayList<>();
        for (String line : sql.strip().split("\n")) {
            if (!line.startsWith("--")) {
                break;
            }
            lines.add(line.substring(2).strip());
        }
        return String.join(" ", lines);
    }
}
