package dev.storefront.platform.registry;

import dev.storefront.platform.ConfigTemplate;
import dev.storefront.platform.Layout;
import dev.storefront.platform.lifecycle.ProcessComponent;
import dev.storefront.platform.process.Probes;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The Apicurio Registry server, storing schemas in its own database of the platform's PostgreSQL. */
public final class RegistryComponent extends ProcessComponent {

    public static final String NAME = "registry";

    public RegistryComponent(Layout layout) {
        super(layout, NAME);
    }

    @Override
    protected List<String> command() {
        return java().jar(layout.registryJar()).toList();
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(layout.env().asMap());
        Properties settings = new Properties();
        try {
            settings.load(new StringReader(new ConfigTemplate("/registry/registry.env")
                    .render(layout.env().asMap())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.stringPropertyNames().forEach(key -> environment.put(key, settings.getProperty(key)));
        return environment;
    }

    @Override
    public boolean isHealthy() {
        return Probes.httpOk(layout.endpoints().registryHealthUrl());
    }

    /** The registry's v3 API; the Confluent-compatible one is PlatformEndpoints.registryCcompatUrl. */
    @Override
    public String endpoint() {
        return layout.endpoints().registryUrl() + "/apis/registry/v3";
    }
}
