package dev.storefront.contract;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's one rule for hiding secrets in text it prints, logs or returns. A secret is masked wherever it stands
 * as a whole token: not glued to letters, digits, '_', '.' or '-' (names, URLs, hosts). So with the playground
 * password "postgres", {@code user=postgres} and {@code "postgres"} are masked while {@code jdbc:postgresql://},
 * {@code org.postgresql.Driver} and {@code storefront-postgres-source} stay readable. Longer secrets are masked first,
 * so that one secret containing another is masked whole.
 */
public final class SecretMasker {

    public static final String MASK = "********";

    /** The secret rule: variable and config-key names whose values are secrets. */
    public static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");

    private static final String TOKEN_CHAR = "[A-Za-z0-9_.-]";

    private final List<Pattern> secrets;

    private SecretMasker(List<Pattern> secrets) {
        this.secrets = secrets;
    }

    /** Masks these values (null and empty ones are ignored). */
    public static SecretMasker of(Collection<String> secrets) {
        return new SecretMasker(secrets.stream()
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(secret ->
                        Pattern.compile("(?<!" + TOKEN_CHAR + ")" + Pattern.quote(secret) + "(?!" + TOKEN_CHAR + ")"))
                .toList());
    }

    /** True for names like DEBEZIUM_PASSWORD, database.password, API_TOKEN, sasl.jaas.credentials. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** {@code text} with every secret masked; null stays null. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (Pattern secret : secrets) {
            masked = secret.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return masked;
    }
}
