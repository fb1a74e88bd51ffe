package dev.storefront.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.lookup.StringLookup;

/**
 * A component's configuration file (broker, worker, logging), kept as a commented resource with ${VAR}
 * placeholders filled from .env and the launcher's paths. Undefined variables are all reported at once.
 */
public final class ConfigTemplate {

    private final String resource;

    public ConfigTemplate(String resource) {
        this.resource = resource;
    }

    public String render(Map<String, String> values) {
        Set<String> undefined = new TreeSet<>();
        StringLookup lookup = key -> {
            String value = values.get(key);
            if (value == null) {
                undefined.add(key);
            }
            return value;
        };
        String rendered = new StringSubstitutor(lookup).replace(read());
        if (!undefined.isEmpty()) {
            throw new IllegalStateException("Template " + resource + " uses undefined variables " + undefined
                    + ": define them in .env");
        }
        return rendered;
    }

    /** Renders into {@code target} (created with its folders) and returns it. */
    public Path renderTo(Path target, Map<String, String> values) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(values));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read() {
        try (InputStream in = ConfigTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
