package dev.storefront.platform;

import dev.storefront.contract.Placeholders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A component's configuration file (broker, worker, logging), kept as a commented resource with the platform's
 * {@link Placeholders} filled from .env and the launcher's paths. Undefined variables are all reported at once.
 */
public final class ConfigTemplate {

    private final String resource;

    public ConfigTemplate(String resource) {
        this.resource = resource;
    }

    public String render(Map<String, String> values) {
        Placeholders.Rendered rendered = Placeholders.render(read(), values);
        if (!rendered.undefined().isEmpty()) {
            throw new IllegalStateException("Template " + resource + " uses undefined variables " + rendered.undefined()
                    + ": define them in .env");
        }
        return rendered.text();
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
