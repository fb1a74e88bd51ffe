package dev.storefront.env;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's configuration: the variables of the root {@code .env}, overlaid by the process
 * environment (the environment wins, as in docker compose). Immutable.
 */
public final class PlatformEnv {

    /** Variable names whose values are secrets: never printed, masked wherever they appear. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");
    static final String MASK = "********";
    /** A secret is a whole token: not glued to letters, digits, '_', '.' or '-' (names, URLs, hosts). */
    private static final String TOKEN_BEFORE = "(?<![A-Za-z0-9_.-])";
    private static final String TOKEN_AFTER = "(?![A-Za-z0-9_.-])";

    private final Map<String, String> values;

    private PlatformEnv(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The given .env file overlaid by {@link System#getenv()}. */
    public static PlatformEnv load(Path envFile) {
        return load(envFile, System.getenv());
    }

    /** The given .env file overlaid by {@code environment}; a missing file is an error. */
    public static PlatformEnv load(Path envFile, Map<String, String> environment) {
        if (!Files.isRegularFile(envFile)) {
            throw new PlatformEnvException("No .env file at " + envFile.toAbsolutePath()
                    + " (run from the repository root, or point to it with --env-file)");
        }
        Map<String, String> merged = new LinkedHashMap<>(readFile(envFile));
        merged.putAll(environment);
        return new PlatformEnv(merged);
    }

    public static PlatformEnv of(Map<String, String> values) {
        return new PlatformEnv(values);
    }

    /** Only the variables declared in the file, without the environment (e.g. to pass on to a child process). */
    public static Map<String, String> readFile(Path envFile) {
        try {
            Path dir = envFile.toAbsolutePath().getParent();
            Dotenv dotenv = Dotenv.configure()
                    .directory(dir.toString())
                    .filename(envFile.getFileName().toString())
                    .load();
            Map<String, String> declared = new LinkedHashMap<>();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                declared.put(entry.getKey(), entry.getValue());
            }
            return declared;
        } catch (DotenvException e) {
            throw new PlatformEnvException("Cannot read " + envFile + ": " + e.getMessage(), e);
        }
    }

    /** A copy with some variables replaced (used by tests and launchers to move ports and hosts). */
    public PlatformEnv with(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return new PlatformEnv(merged);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a variable that must be set and non-blank. */
    public String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new PlatformEnvException("Variable " + name + " is not set: define it in .env or the environment");
        }
        return value;
    }

    /** A TCP port variable, checked to be a number in 1..65535. */
    public int port(String name) {
        String value = require(name);
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the variable's name
        }
        throw new PlatformEnvException("Variable " + name + " must be a port number (1-65535), got '" + value + "'");
    }

    public Map<String, String> asMap() {
        return values;
    }

    public static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /**
     * {@code text} with the value of every secret variable replaced by a mask wherever it stands as a whole token
     * (not inside a longer word), so that a password like "postgres" is masked in {@code user=postgres} but
     * {@code postgresql://} and {@code storefront-postgres-source} stay readable.
     */
    public String mask(String text) {
        String masked = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (isSecret(e.getKey()) && e.getValue() != null && !e.getValue().isEmpty()) {
                masked = Pattern.compile(TOKEN_BEFORE + Pattern.quote(e.getValue()) + TOKEN_AFTER)
                        .matcher(masked).replaceAll(MASK);
            }
        }
        return masked;
    }
}
