package dev.storefront.connectinit.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.storefront.connectinit.template.RenderedConnector;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.SecretMasker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hides secrets in everything connect-init prints, JSON included: text goes through the platform's one
 * {@link SecretMasker} (whole tokens, longest first) over the secret .env variables and the values of secret-named
 * config keys of the rendered connectors; in JSON, the values of secret-named keys are masked whole as well.
 */
public final class JsonMasker {

    public static final String MASK = SecretMasker.MASK;

    /** Fields that carry a config's value in Connect's validate response: {"name": key, "value": ...}. */
    private static final List<String> VALUE_FIELDS = List.of("value", "default_value");

    private final SecretMasker secrets;

    private JsonMasker(SecretMasker secrets) {
        this.secrets = secrets;
    }

    /** Masks the env's secrets and the values of secret-named keys of the given connectors. */
    public static JsonMasker of(PlatformEnv env, Collection<RenderedConnector> connectors) {
        List<String> secrets = new ArrayList<>();
        env.asMap().forEach((name, value) -> {
            if (PlatformEnv.isSecret(name)) {
                secrets.add(value);
            }
        });
        for (RenderedConnector connector : connectors) {
            connector.config().forEach((key, value) -> {
                if (isSecretKey(key)) {
                    secrets.add(value);
                }
            });
        }
        return new JsonMasker(SecretMasker.of(secrets));
    }

    public static boolean isSecretKey(String key) {
        return SecretMasker.isSecretName(key);
    }

    public String maskText(String text) {
        return secrets.mask(text);
    }

    /** A masked deep copy of any JSON: rendered templates, Connect's validate and status responses. */
    public JsonNode maskJson(JsonNode node) {
        JsonNode copy = node.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean describesSecret = object.path("name").isTextual()
                    && isSecretKey(object.get("name").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                boolean secretField =
                        isSecretKey(field.getKey()) || describesSecret && VALUE_FIELDS.contains(field.getKey());
                if (secretField && value.isValueNode() && !value.isNull()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else if (value.isTextual()) {
                    field.setValue(TextNode.valueOf(maskText(value.asText())));
                } else {
                    maskInPlace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(maskText(array.get(i).asText())));
                } else {
                    maskInPlace(array.get(i));
                }
            }
        }
    }
}
