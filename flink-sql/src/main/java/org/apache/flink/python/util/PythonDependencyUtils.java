package org.apache.flink.python.util;

import org.apache.commons.cli.CommandLine;
import org.apache.flink.configuration.Configuration;

/**
 * Flink's SQL client asks flink-python (PyFlink and Apache Beam, tens of MB) to read the Python options of its command
 * line, by this class's name, and fails without it. The SQL layer has no Python: this stand-in answers "no Python
 * options", which is all the client needs from it.
 */
public final class PythonDependencyUtils {

    private PythonDependencyUtils() {}

    public static Configuration parsePythonDependencyConfiguration(CommandLine commandLine) {
        return new Configuration();
    }
}
