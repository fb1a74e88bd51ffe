package dev.storefront.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an Avro record travels on the platform's topics, as Debezium's Apicurio converter writes it and every reader
 * must expect it: Confluent framing (a 0 byte, then a 4-byte schema id), the id being Apicurio's content id, carried
 * in the payload rather than in headers. Any Confluent-style tool reads it; a reader configured otherwise fails on the
 * first record. The Java serdes take {@link #serdeConfig}; the connector templates spell the same settings out per
 * converter (templates are data), and a test of each template compares them with {@link #SETTINGS}.
 */
public final class RegistryWireFormat {

    /** The Apicurio serde/converter settings, without a prefix. */
    public static final Map<String, String> SETTINGS = Map.of(
            "apicurio.registry.as-confluent", "true",
            "apicurio.registry.use-id", "contentId",
            "apicurio.registry.headers.enabled", "false");

    /** The path of the registry's v2 API, where the converter registers and looks up the schemas. */
    public static final String V2_API = "/apis/registry/v2";

    private RegistryWireFormat() {}

    /** A serde's configuration for the registry at {@code registryUrl} (e.g. http://localhost:8080). */
    public static Map<String, String> serdeConfig(String registryUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("apicurio.registry.url", registryUrl + V2_API);
        config.putAll(SETTINGS);
        return config;
    }

    /** The settings as a Connect converter takes them, e.g. {@code value.converter.apicurio.registry.use-id}. */
    public static Map<String, String> converterSettings(String side) {
        Map<String, String> config = new LinkedHashMap<>();
        SETTINGS.forEach((key, value) -> config.put(side + ".converter." + key, value));
        return config;
    }
}
