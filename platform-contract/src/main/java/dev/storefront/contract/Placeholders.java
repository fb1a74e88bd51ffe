package dev.storefront.contract;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;

/**
 * The platform's one placeholder syntax, for every file it renders from {@code .env} (connector templates, the broker,
 * worker and registry settings, the pipeline's properties):
 * <ul>
 *   <li>{@code ${VAR}}: the variable's value; an unset or blank variable is reported as undefined;</li>
 *   <li>{@code ${VAR:-default}}: the default when VAR is unset or blank (as in compose);</li>
 *   <li>{@code $${VAR}}: a literal {@code ${VAR}};</li>
 *   <li>{@code ${provider:...}} ({@code ${env:NAME}}, {@code ${file:/path:key}}, any name with a colon): a Kafka
 *       config-provider reference, left as it is for Connect to resolve.</li>
 * </ul>
 * Values are inserted literally: a value holding {@code ${} (a password may) is not rendered again. Commons Text's
 * substitutor does the work, without its interpolator (which would resolve {@code env:} and others itself).
 */
public final class Placeholders {

    /** A variable name: letters, digits, '_' and '.' (the launcher's own values are named like platform.kafka.dataDir). */
    private static final Pattern REQUIRED = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

    /** Any reference to a variable, with or without a default. */
    private static final Pattern REFERENCE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::-[^}]*)?}");

    private Placeholders() {}

    /** The variables {@code template} refers to, with or without a default (not config-provider references). */
    public static SortedSet<String> variables(String template) {
        SortedSet<String> names = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(template);
        while (reference.find()) {
            names.add(reference.group(1));
        }
        return names;
    }

    /** The text rendered, and the variables it needs that {@code values} lacks (sorted; empty when complete). */
    public record Rendered(String text, SortedSet<String> undefined) {}

    public static Rendered render(String template, Map<String, String> values) {
        StringSubstitutor substitutor = new StringSubstitutor(name -> {
            String value = values.get(name);
            return value == null || value.isBlank() ? null : value;
        });
        substitutor.setDisableSubstitutionInValues(true);
        SortedSet<String> undefined = new TreeSet<>();
        Matcher required = REQUIRED.matcher(template);
        while (required.find()) {
            String value = values.get(required.group(1));
            if (value == null || value.isBlank()) {
                undefined.add(required.group(1));
            }
        }
        return new Rendered(substitutor.replace(template), undefined);
    }
}
