package dev.storefront.connectinit.connect;

import dev.storefront.contract.ClosestName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Connect's validation checks the value of every key a plugin or Connect defines and ignores any other key, so a
 * misspelt key ({@code snapshot.mdoe}) would be registered and silently mean the default. This finds the keys of a
 * config that nothing defines: neither the validate response's definitions (the connector's, Connect's own, and those
 * of the transforms, predicates, converters and client overrides it names) nor a pass-through prefix. A key under a
 * pass-through prefix is still reported when it is a near miss of a defined key ({@code database.hostnam}).
 */
final class UndefinedKeys {

    /**
     * Prefixes whose keys are handed on to something that is not validated key by key: the converters' own settings
     * (Apicurio's converters declare none), Kafka client and topic settings, the JDBC driver's properties (Debezium
     * passes {@code driver.*} and {@code database.*} on) and Hibernate's (the Debezium JDBC sink passes them on).
     */
    static final List<String> PASS_THROUGH = List.of(
            "key.converter.",
            "value.converter.",
            "header.converter.",
            "producer.override.",
            "consumer.override.",
            "admin.override.",
            "topic.creation.",
            "driver.",
            "database.",
            "hibernate.");

    /** List-valued keys whose aliases own a prefix of their own: {@code transforms=unwrap} owns {@code transforms.unwrap.}. */
    private static final Map<String, String> ALIAS_LISTS = Map.of(
            "transforms", "transforms.",
            "predicates", "predicates.",
            // Debezium's custom converters and post processors: converters=isbn owns isbn.
            "converters", "",
            "post.processors", "");

    private UndefinedKeys() {}

    /** One error per undefined key of {@code config}, in its order; {@code plugin} names the connector class. */
    static List<ConfigError> find(
            Map<String, String> config, Set<String> defined, String plugin, Map<String, String> maskedValues) {
        List<String> prefixes = Stream.concat(PASS_THROUGH.stream(), aliasPrefixes(config).stream())
                .toList();
        List<ConfigError> errors = new ArrayList<>();
        config.forEach((key, value) -> {
            if (defined.contains(key)) {
                return;
            }
            String suggestion = ClosestName.suggestion(key, defined);
            boolean passedThrough = prefixes.stream().anyMatch(key::startsWith);
            if (!passedThrough || !suggestion.isEmpty()) {
                errors.add(new ConfigError(
                        key,
                        maskedValues.get(key),
                        List.of("defined neither by " + plugin + " nor by Connect, so Connect would ignore it"
                                + suggestion)));
            }
        });
        return errors;
    }

    private static List<String> aliasPrefixes(Map<String, String> config) {
        List<String> prefixes = new ArrayList<>();
        ALIAS_LISTS.forEach((list, prefix) -> {
            String aliases = config.get(list);
            if (aliases != null) {
                Arrays.stream(aliases.split(","))
                        .map(String::trim)
                        .filter(alias -> !alias.isEmpty())
                        .forEach(alias -> prefixes.add(prefix + alias + "."));
            }
        });
        return prefixes;
    }
}
