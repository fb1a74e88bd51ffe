package dev.storefront.contract.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Application class-data sharing (AppCDS, JDK 17's dynamic archive) for the platform's JVMs (the components and the
 * launcher's own commands): a run without an archive archives the classes it loaded when it exits, later starts map
 * that archive instead of loading, parsing and verifying the classes again. On two cores this takes about a third off
 * a JVM's start (Kafka's broker: 2.7 s to 1.8 s idle; `status`: 1.7 s to 1.1 s), which every fresh start pays several
 * times over on its critical path (Kafka, Connect, connect-init).
 *
 * <p>The archive's name carries a digest of the JDK, the JVM options and every classpath jar (path, size, time; for
 * {@code -jar}, also the jars its manifest's Class-Path names): a
 * rebuild or another JDK gets a new archive rather than one the JVM would refuse. A run dumps to a {@code .part} file
 * of its own that becomes the archive only when the JVM ended by itself or by SIGTERM (a SIGKILL may cut the dump
 * short); two JVMs dumping at once each publish a complete one. Archives are derived from the build, not data: every
 * platform of a checkout shares them from the build output (so {@code reset} keeps them and {@code mvn clean} removes
 * them).
 */
public final class ClassDataArchive {

    /** The exit code of a JVM that was SIGKILLed (128 + 9): whatever it was dumping is incomplete. */
    private static final int KILLED = 137;

    private static final String DUMP_OPTION = "-XX:ArchiveClassesAtExit=";

    private final Path archive;
    private final Path dump;
    private final String name;

    private ClassDataArchive(Path archive, String name) {
        this.archive = archive;
        this.dump = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".part");
        this.name = name;
    }

    /** Where the platforms of the checkout at {@code home} keep their archives: next to the launcher's jar. */
    public static Path dir(Path home) {
        return home.resolve(IsolatedPlatform.LAUNCHER_JAR).resolveSibling("class-data");
    }

    /**
     * The archive of the JVM {@code name} for this Java command line; empty for any other command, and for a classpath
     * with a directory (the JVM archives classes from jars only, and fails to start otherwise).
     */
    public static Optional<ClassDataArchive> forCommand(Path archiveDir, String name, List<String> command) {
        if (command.isEmpty() || !command.get(0).endsWith(File.separator + "java") || hasDirectory(command)) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(archiveDir.resolve(name + "-" + digest(command) + ".jsa"), name));
    }

    /** The command with the JVM option that maps the archive, or that dumps it when there is none yet. */
    public List<String> apply(List<String> command) {
        List<String> withArchive = new ArrayList<>(command);
        if (Files.isRegularFile(archive)) {
            withArchive.add(1, "-XX:SharedArchiveFile=" + archive);
            return withArchive;
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        withArchive.add(1, DUMP_OPTION + dump);
        // The dump at exit warns once per class it cannot archive (picocli's Java 5 classes, generated accessors):
        // lines that would bury the component's own last words at the end of its log, where a crash report looks.
        withArchive.add(2, "-Xlog:cds=off,cds+dynamic=off");
        return withArchive;
    }

    /** Whether a JVM's command line dumps its archive at exit: it started without one (first start of a build). */
    public static boolean dumps(List<String> commandLine) {
        return commandLine.stream().anyMatch(part -> part.startsWith(DUMP_OPTION));
    }

    /** The command mapping the archive if there is one, else unchanged: for a JVM whose end nobody waits for. */
    public List<String> applyExisting(List<String> command) {
        return Files.isRegularFile(archive) ? apply(command) : command;
    }

    /** Called once the JVM has ended: keeps a complete dump as the archive, dropping older ones of this JVM. */
    public void ended(OptionalInt exitCode) {
        try {
            if (!Files.isRegularFile(dump)) {
                return;
            }
            if (exitCode.isEmpty() || exitCode.getAsInt() == KILLED || Files.size(dump) == 0) {
                Files.delete(dump);
                return;
            }
            Files.move(dump, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Older archives of this JVM (another build) and dumps never published (a killed or concurrent run).
            try (DirectoryStream<Path> older = Files.newDirectoryStream(archive.getParent(), name + "-*")) {
                for (Path old : older) {
                    String file = old.getFileName().toString();
                    if (!old.equals(archive) && file.matches(Pattern.quote(name) + "-[0-9a-f]{16}\\.jsa.*")) {
                        Files.deleteIfExists(old);
                    }
                }
            }
        } catch (IOException e) {
            // Only a lost speed-up: the next start runs without an archive and dumps again.
        }
    }

    /**
     * The JDK, the JVM options, each classpath jar's size and time, and the main class: what the JVM checks an archive
     * against. Not the program's arguments, which change from run to run (a fresh broker's new cluster id), nor the
     * system properties ({@code -D}), which the JVM does not check and which name files of one platform (Kafka's
     * logging configuration in its PLATFORM_DIR): every platform of the checkout shares one archive per JVM.
     */
    static String digest(List<String> command) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"));
            for (int i = 0; i < command.size(); i++) {
                if (command.get(i).startsWith("-D")) {
                    continue;
                }
                update(sha, command.get(i));
                boolean jar = command.get(i).equals("-jar");
                if (jar || command.get(i).equals("-cp")) {
                    List<Path> jars =
                            jar ? jarWithItsClassPath(Path.of(command.get(i + 1))) : classpathJars(command.get(i + 1));
                    for (Path file : jars) {
                        update(sha, file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file));
                    }
                    int last = Math.min(command.size() - 1, jar ? i + 1 : i + 2);
                    command.subList(i + 1, last + 1).forEach(part -> update(sha, part));
                    break;
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasDirectory(List<String> command) {
        int cp = command.indexOf("-cp");
        return cp >= 0
                && cp + 1 < command.size()
                && Stream.of(command.get(cp + 1).split(File.pathSeparator))
                        .anyMatch(e -> Files.isDirectory(Path.of(e)));
    }

    /** An executable jar and the jars its manifest's Class-Path names (the launcher's lib/): all rebuilt separately. */
    private static List<Path> jarWithItsClassPath(Path jar) throws IOException {
        List<Path> jars = new ArrayList<>(List.of(jar));
        if (!Files.isRegularFile(jar)) {
            return jars;
        }
        try (JarFile file = openJar(jar)) {
            if (file == null) {
                return jars;
            }
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    Path dependency = jar.toAbsolutePath().resolveSibling(entry);
                    if (Files.isRegularFile(dependency)) {
                        jars.add(dependency);
                    }
                }
            }
        }
        return jars;
    }

    /** The jar, or null when it is no jar (the JVM will say so itself). */
    private static JarFile openJar(Path jar) {
        try {
            return new JarFile(jar.toFile());
        } catch (IOException notAJar) {
            return null;
        }
    }

    private static List<Path> classpathJars(String classpath) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.endsWith(File.separator + "*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 2));
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else if (Files.isRegularFile(Path.of(entry))) {
                jars.add(Path.of(entry));
            }
        }
        return jars;
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
