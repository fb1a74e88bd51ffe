package dev.storefront.contract;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's configuration: the variables of the root {@code .env}, overlaid by the process
 * environment (the environment wins, as in docker compose), each declared in {@link PlatformVariable} and checked
 * there when loaded. Immutable.
 */
public final class PlatformEnv {

    private final Map<String, String> values;
    /** Built once: the launcher masks every log line it shows. */
    private final SecretMasker masker;

    private PlatformEnv(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.masker = SecretMasker.of(this.values.entrySet().stream()
                .filter(e -> isSecret(e.getKey()))
                .map(Map.Entry::getValue)
                .toList());
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
        List<String> problems = new ArrayList<>();
        for (PlatformVariable variable : PlatformVariable.values()) {
            String value = merged.get(variable.name());
            if (value != null && !value.isBlank()) {
                variable.problem(value).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new PlatformEnvException("Invalid configuration (" + envFile
                    + " overlaid by the environment), nothing" + " was started:\n  " + String.join("\n  ", problems));
        }
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

    public Optional<String> get(PlatformVariable variable) {
        return get(variable.name());
    }

    /** The value of a declared variable that must be set and non-blank. */
    public String require(PlatformVariable variable) {
        return require(variable.name());
    }

    /** A declared port variable, checked to be a number in 1..65535. */
    public int port(PlatformVariable variable) {
        return port(variable.name());
    }

    /** By name, for names that come as data (the components manifest's port variables); prefer the typed ones. */
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
        if (!PlatformVariable.Kind.PORT.accepts(value)) {
            throw new PlatformEnvException(
                    "Variable " + name + " must be a port number (1-65535), got '" + value + "'");
        }
        return Integer.parseInt(value.trim());
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Variable names whose values are secrets: never printed, masked wherever they appear. */
    public static boolean isSecret(String name) {
        return SecretMasker.isSecretName(name);
    }

    /** The values of every secret variable, masked as {@link SecretMasker} does. */
    public SecretMasker masker() {
        return masker;
    }

    /** {@code text} with the value of every secret variable masked (see {@link SecretMasker}). */
    public String mask(String text) {
        return masker.mask(text);
    }
}
