package dev.storefront.connectinit.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.connectinit.Json;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A template with every placeholder replaced: what Connect receives. Holds secrets: print it only masked. */
public record RenderedConnector(String name, Path source, Map<String, String> config) {

    public static final String CONNECTOR_CLASS = "connector.class";

    public RenderedConnector {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public String connectorClass() {
        return config.get(CONNECTOR_CLASS);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(config.get(key));
    }

    /** The config as Connect stores it: it adds the connector's name, so comparisons must too. */
    public Map<String, String> configWithName() {
        Map<String, String> withName = new LinkedHashMap<>(config);
        withName.put("name", name);
        return withName;
    }

    /** The {"name": ..., "config": {...}} document of the template, unmasked. */
    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("name", name);
        ObjectNode configNode = root.putObject("config");
        config.forEach(configNode::put);
        return root;
    }
}
