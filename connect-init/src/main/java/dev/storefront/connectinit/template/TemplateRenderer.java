package dev.storefront.connectinit.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.connectinit.CliFailure;
import dev.storefront.connectinit.ExitCode;
import dev.storefront.connectinit.Json;
import dev.storefront.contract.Placeholders;
import dev.storefront.contract.PlatformEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders templates from the platform environment with the platform's {@link Placeholders} (a config-provider
 * reference such as {@code ${env:NAME}} is left for Connect). Every problem of every asked template is collected
 * and reported at once, before anything contacts Connect.
 */
public final class TemplateRenderer {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "config");

    private final PlatformEnv env;
    private final TemplateCatalog catalog;

    public TemplateRenderer(PlatformEnv env, TemplateCatalog catalog) {
        this.env = env;
        this.catalog = catalog;
    }

    /** The named templates rendered, or a {@link CliFailure} listing the problems of each bad template. */
    public List<RenderedConnector> render(List<String> names) {
        List<RenderedConnector> rendered = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (String name : names) {
            Path file = catalog.file(name);
            List<String> problems = new ArrayList<>();
            RenderedConnector connector = render(name, file, problems);
            if (problems.isEmpty()) {
                rendered.add(connector);
            } else {
                report.add(file + ":\n  " + String.join("\n  ", problems));
            }
        }
        if (!report.isEmpty()) {
            throw new CliFailure(
                    ExitCode.CONFIG,
                    "Bad connector template(s), nothing was sent to Connect:\n" + String.join("\n", report));
        }
        return rendered;
    }

    private RenderedConnector render(String expectedName, Path file, List<String> problems) {
        JsonNode root = parse(file, problems);
        if (root == null) {
            return null;
        }
        if (!root.isObject()) {
            problems.add("must be a JSON object {\"name\": ..., \"config\": {...}}");
            return null;
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.add("unexpected key \"" + key + "\" (a template has only \"name\" and \"config\")");
            }
        });
        JsonNode name = root.get("name");
        if (name == null || !name.isTextual()) {
            problems.add("\"name\" must be a string, the connector's name");
        } else if (!name.asText().equals(expectedName)) {
            problems.add("\"name\" is \"" + name.asText() + "\" but the file name says \"" + expectedName
                    + "\" (they must be equal)");
        }
        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            problems.add("\"config\" must be an object of connector settings");
            return null;
        }
        Map<String, String> rendered = renderConfig(config, problems);
        if (!rendered.containsKey(RenderedConnector.CONNECTOR_CLASS)) {
            problems.add("config has no \"" + RenderedConnector.CONNECTOR_CLASS + "\"");
        }
        String configName = rendered.get("name");
        if (configName != null && !configName.equals(expectedName)) {
            problems.add("config \"name\" is \"" + configName + "\" but the connector is \"" + expectedName + "\"");
        }
        return new RenderedConnector(expectedName, file, rendered);
    }

    private static JsonNode parse(Path file, List<String> problems) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            problems.add("invalid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            problems.add("cannot read: " + e.getMessage());
        }
        return null;
    }

    private Map<String, String> renderConfig(JsonNode config, List<String> problems) {
        Set<String> undefined = new TreeSet<>();
        Map<String, String> rendered = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isValueNode() && !value.isNull()) {
                for (String variable : Placeholders.variables(value.asText())) {
                    if (PlatformEnv.isSecret(variable)) {
                        problems.add("config \"" + entry.getKey() + "\" would put the secret " + variable
                                + " into Connect's config (its REST API and the _connect-configs topic show it):"
                                + " write ${env:" + variable + "}, which the worker resolves from its environment");
                    }
                }
                Placeholders.Rendered text = Placeholders.render(value.asText(), env.asMap());
                undefined.addAll(text.undefined());
                rendered.put(entry.getKey(), text.text());
            } else {
                problems.add("config \"" + entry.getKey() + "\" must be a string, number or boolean");
            }
        }
        if (!undefined.isEmpty()) {
            problems.add("undefined variables: " + String.join(", ", undefined)
                    + " (define them in .env or the environment)");
        }
        return rendered;
    }
}
