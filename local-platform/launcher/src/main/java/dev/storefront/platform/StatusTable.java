package dev.storefront.platform;

import dev.storefront.platform.lifecycle.Component;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The table of components, their PIDs, where to reach them and where they log. */
public final class StatusTable {

    private StatusTable() {}

    public record Row(String name, String state, String pid, String endpoint, String log) {}

    public static void print(PrintStream out, List<Row> rows) {
        int name = width(rows.stream().map(Row::name).toList(), "COMPONENT");
        int state = width(rows.stream().map(Row::state).toList(), "STATE");
        int pid = width(rows.stream().map(Row::pid).toList(), "PID");
        int endpoint = width(rows.stream().map(Row::endpoint).toList(), "WHERE");
        String format = "  %-" + name + "s  %-" + state + "s  %-" + pid + "s  %-" + endpoint + "s  %s%n";
        out.printf(format, "COMPONENT", "STATE", "PID", "WHERE", "LOG");
        for (Row row : rows) {
            out.printf(format, row.name(), row.state(), row.pid(), row.endpoint(), row.log());
        }
    }

    /** A component's state in the table `up` prints once everything asked for is healthy. */
    public static String startedState(Component component, boolean running) {
        if (component.isOneShot()) {
            return "done";
        }
        return component.isOptional() && !running ? OFF : "healthy";
    }

    /** An optional component not started (the SQL layer): not a fault. */
    public static final String OFF = "off";

    public static String relative(Path home, Path file) {
        return file.startsWith(home) ? home.relativize(file).toString() : file.toString();
    }

    private static int width(List<String> values, String header) {
        return Math.max(
                header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }
}
