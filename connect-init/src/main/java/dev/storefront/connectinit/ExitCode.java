package dev.storefront.connectinit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The process exit codes, documented in --help and the README; scripts and the launcher branch on them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;
    public static final int CONNECT_UNREACHABLE = 4;
    public static final int VALIDATION = 5;
    public static final int NOT_RUNNING = 6;
    public static final int TIMEOUT = 7;
    public static final int DATABASE = 8;

    private ExitCode() {}

    /** Code to description, as shown under "Exit codes:" in every command's help. */
    public static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "ok");
        codes.put(String.valueOf(INTERNAL), "unexpected internal error");
        codes.put(String.valueOf(USAGE), "bad usage: unknown command, option or option value");
        codes.put(
                String.valueOf(CONFIG),
                "bad .env or template: unknown connector name, invalid JSON, name mismatch," + " undefined ${VAR}");
        codes.put(String.valueOf(CONNECT_UNREACHABLE), "Kafka Connect unreachable, or it rejected a request");
        codes.put(String.valueOf(VALIDATION), "Connect's config validation reported errors; nothing was registered");
        codes.put(String.valueOf(NOT_RUNNING), "a connector or task FAILED, is paused/stopped, or is not registered");
        codes.put(String.valueOf(TIMEOUT), "a connector did not reach RUNNING within --timeout");
        codes.put(String.valueOf(DATABASE), "PostgreSQL error while dropping a replication slot");
        return codes;
    }
}
