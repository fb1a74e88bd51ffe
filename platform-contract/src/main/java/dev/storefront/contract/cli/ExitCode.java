package dev.storefront.contract.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of the platform's tools (pipeline, verify, flink-sql), listed in each one's --help. */
public final class ExitCode {
    public static final int OK = 0;
    /** The work failed: what failed is printed (verify found differences, the streams stopped, Flink refused SQL). */
    public static final int FAILED = 1;

    public static final int USAGE = 2;
    /** Bad configuration (.env, environment, application.properties): nothing was started or changed. */
    public static final int CONFIG = 3;

    private ExitCode() {}

    /** Code to description; {@code ok} and {@code failed} say what exits 0 and 1 mean for this tool. */
    public static Map<String, String> descriptions(String ok, String failed) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), ok);
        codes.put(Integer.toString(FAILED), failed);
        codes.put(Integer.toString(USAGE), "bad command line");
        codes.put(
                Integer.toString(CONFIG),
                "bad configuration (an undefined variable, a bad port, ...): nothing started");
        return codes;
    }
}
