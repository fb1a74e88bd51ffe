package dev.storefront.connectinit.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.storefront.connectinit.template.RenderedConnector;
import dev.storefront.env.PlatformEnv;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in everything connect-init prints. A secret is the value of a secret-named .env variable
 * (PlatformEnv.isSecret: password/secret/token/credential) or of a secret-named config key. Such keys are
 * masked whole; secret values are masked wherever they occur as a whole token (not inside a longer run of
 * letters, digits, '_', '.', '-'), so that the playground password "postgres" is masked in "user=postgres"
 * and in a value equal to it, while "org.postgresql.Driver" and "storefront-postgres-source" stay readable.
 */
public final class SecretMasker {

    public static final String MASK = "********";

    /** Fields that carry a config's value in Connect's validate response: {"name": key, "value": ...}. */
    private static final List<String> VALUE_FIELDS = List.of("value", "default_value");

    private static final String TOKEN_CHAR = "[A-Za-z0-9_.-]";

    private final List<Pattern> secretValues;

    private SecretMasker(Set<String> secrets) {
        this.secretValues = secrets.stream()
                .filter(secret -> !secret.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(secret -> Pattern.compile(
                        "(?<!" + TOKEN_CHAR + ")" + Pattern.quote(secret) + "(?!" + TOKEN_CHAR + ")"))
                .toList();
    }

    /** Masks the env's secrets and the values of secret-named keys of the given connectors. */
    public static SecretMasker of(PlatformEnv env, Collection<RenderedConnector> connectors) {
        Set<String> secrets = new LinkedHashSet<>();
        env.asMap().forEach((name, value) -> {
            if (PlatformEnv.isSecret(name) && value != null) {
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
        return new SecretMasker(secrets);
    }

    public static boolean isSecretKey(String key) {
        return PlatformEnv.isSecret(key);
    }

    public String maskText(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Pattern secret : secretValues) {
            masked = secret.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return masked;
    }

    /** A masked deep copy of any JSON: rendered templates, Connect's validate and status responses. */
    public JsonNode maskJson(JsonNode node) {
        JsonNode copy = node.deepCopy();
        maskInPlace(copy);
        return copy;
    }

    private void maskInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean describesSecret = object.path("name").isTextual() && isSecretKey(object.get("name").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                boolean secretField = isSecretKey(field.getKey())
                        || describesSecret && VALUE_FIELDS.contains(field.getKey());
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
