package dev.storefront.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** The pipeline's exit codes, documented in --help. */
public final class ExitCode {
    public static final int OK = 0;
    /** verify found differences, or the streams stopped on an error. */
    public static final int FAILED = 1;

    public static final int USAGE = 2;
    /** Bad configuration (.env, environment, application.properties): nothing was started or changed. */
    public static final int CONFIG = 3;

    private ExitCode() {}

    public static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "ok (verify: every output matches PostgreSQL)");
        codes.put(Integer.toString(FAILED), "verify found differences, or the streams stopped on an error or stalled");
        codes.put(Integer.toString(USAGE), "bad command line");
        codes.put(
                Integer.toString(CONFIG),
                "bad configuration (an undefined variable, a bad port, ...): nothing started");
        return codes;
    }
}
