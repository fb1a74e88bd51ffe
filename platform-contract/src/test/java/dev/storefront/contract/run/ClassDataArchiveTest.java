package dev.storefront.contract.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.run.Command.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void aRealJvmDumpsItsClassesOnceAndMapsThemFromThenOn() throws IOException {
        List<String> command = List.of(JAVA, "-Xmx64m", "-cp", helloJar().toString(), Hello.class.getName());

        ClassDataArchive first = archive(command);
        List<String> dumping = first.apply(command);
        assertThat(dumping.get(1)).startsWith("-XX:ArchiveClassesAtExit=" + dir);
        Result dumped = run(dumping);
        assertThat(dumped.output()).isEqualTo("hello\n");
        first.ended(OptionalInt.of(dumped.exitCode()));
        assertThat(files()).singleElement().asString().matches(".*/hello-[0-9a-f]{16}\\.jsa");

        List<String> mapping = archive(command).apply(command);
        assertThat(mapping.get(1)).isEqualTo("-XX:SharedArchiveFile=" + files().get(0));
        // -Xshare:on fails the JVM instead of running without the archive, so this proves the archive is usable.
        List<String> strict = new ArrayList<>(mapping);
        strict.add(1, "-Xshare:on");
        Result mapped = run(strict);
        assertThat(mapped.exitCode()).as(mapped.output()).isZero();
        assertThat(mapped.output()).isEqualTo("hello\n");
    }

    @Test
    void anExecutableJarsArchiveFollowsTheJarsItsManifestNames() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path dependency = Files.writeString(lib.resolve("dependency.jar"), "a dependency");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/dependency.jar");
        Path jar = dir.resolve("launcher.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("empty.txt"));
        }
        List<String> run = List.of(JAVA, "-jar", jar.toString(), "status");
        String digest = ClassDataArchive.digest(run);

        Files.setLastModifiedTime(dependency, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(ClassDataArchive.digest(run)).as("a rebuilt dependency").isNotEqualTo(digest);
    }

    @Test
    void aDumpCutShortBySigkillIsDiscarded() throws IOException {
        List<String> command = List.of(JAVA, "-cp", helloJar().toString(), Hello.class.getName());
        ClassDataArchive archive = archive(command);
        Path part = Path.of(archive.apply(command).get(1).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(part, "half an archive");

        archive.ended(OptionalInt.of(137));

        assertThat(files()).isEmpty();
    }

    @Test
    void theNameFollowsTheJarsAndOptionsButNotTheProgramsArgumentsNorSystemProperties() throws IOException {
        Path jar = Files.writeString(dir.resolve("app.jar"), "not really a jar");
        List<String> run = List.of(JAVA, "-Xmx64m", "-jar", jar.toString(), "format", "--cluster-id", "abc");
        String digest = ClassDataArchive.digest(run);

        assertThat(ClassDataArchive.digest(List.of(JAVA, "-Xmx64m", "-jar", jar.toString(), "--cluster-id", "xyz")))
                .as("program arguments")
                .isEqualTo(digest);
        assertThat(ClassDataArchive.digest(List.of(JAVA, "-Xmx99m", "-jar", jar.toString(), "format")))
                .as("JVM options")
                .isNotEqualTo(digest);
        assertThat(ClassDataArchive.digest(
                        List.of(JAVA, "-Xmx64m", "-Dlog.config=/another/platform", "-jar", jar.toString(), "format")))
                .as("a system property, e.g. a file of another platform")
                .isEqualTo(digest);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(ClassDataArchive.digest(run)).as("a rebuilt jar").isNotEqualTo(digest);
    }

    @Test
    void onlyJavaCommandsFromJarsHaveAnArchive() {
        assertThat(ClassDataArchive.forCommand(dir, "postgres", List.of("/usr/lib/postgresql/bin/postgres", "-D", "x")))
                .isEmpty();
        assertThat(ClassDataArchive.forCommand(dir, "hello", List.of(JAVA, "-cp", testClasses(), "Hello")))
                .as("a classes directory on the classpath")
                .isEmpty();
    }

    private ClassDataArchive archive(List<String> command) {
        return ClassDataArchive.forCommand(dir, "hello", command).orElseThrow();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    /** The test's Hello class in a jar of its own. */
    private Path helloJar() throws IOException {
        Path jar = dir.resolve("hello.jar");
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(Path.of(testClasses(), entry)));
        }
        return jar;
    }

    private static Result run(List<String> command) {
        return Command.run(Path.of("."), Map.of(), Duration.ofMinutes(1), command);
    }

    private static String testClasses() {
        return Path.of(System.getProperty("user.dir"), "target", "test-classes").toString();
    }

    /** The JVM the archive is made for. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }
}
