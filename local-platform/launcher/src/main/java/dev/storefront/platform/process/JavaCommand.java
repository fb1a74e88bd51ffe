package dev.storefront.platform.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a component's own JVM: always with an explicit heap, so the platform fits a laptop. */
public final class JavaCommand {

    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> target = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();

    private JavaCommand(String initialHeap, String maxHeap) {
        jvmOptions.add("-Xmx" + maxHeap);
        if (initialHeap != null) {
            jvmOptions.add("-Xms" + initialHeap);
        }
        // Small heaps on 2 cores: the serial collector has the least footprint and start-up cost.
        jvmOptions.add("-XX:+UseSerialGC");
    }

    public static JavaCommand withHeap(String maxHeap) {
        return new JavaCommand(null, maxHeap);
    }

    /**
     * A JVM starting with {@code initialHeap} (null: the JVM's default, 1/64 of RAM capped at the maximum) that grows
     * as its live data asks, up to {@code maxHeap}.
     */
    public static JavaCommand withHeap(String initialHeap, String maxHeap) {
        return new JavaCommand(initialHeap, maxHeap);
    }

    public JavaCommand option(String option) {
        jvmOptions.add(option);
        return this;
    }

    public JavaCommand jar(Path jar) {
        target.clear();
        target.add("-jar");
        target.add(jar.toString());
        return this;
    }

    /** Every jar of {@code libDir} on the classpath, running {@code mainClass}. */
    public JavaCommand classpath(Path libDir, String mainClass) {
        target.clear();
        target.add("-cp");
        target.add(libDir + File.separator + "*");
        target.add(mainClass);
        return this;
    }

    public JavaCommand args(String... args) {
        arguments.addAll(List.of(args));
        return this;
    }

    /** The options before the target: heap, collector and whatever {@link #option} added. */
    public List<String> jvmOptions() {
        return List.copyOf(jvmOptions);
    }

    public List<String> toList() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(target);
        command.addAll(arguments);
        return command;
    }
}
