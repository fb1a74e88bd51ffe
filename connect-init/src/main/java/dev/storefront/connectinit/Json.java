package dev.storefront.connectinit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;

/** The one JSON mapper: duplicate keys in a template are an error, output is indented for people. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** A connector config: string keys and values, in their order. */
    public static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private Json() {}
}
