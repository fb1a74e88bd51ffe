package dev.storefront.flinksql.submit;

import dev.storefront.contract.Placeholders;
import dev.storefront.contract.PlatformEnv;
import dev.storefront.flinksql.script.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The catalog every session and every submitted file starts with ({@code sql/catalog.sql}): the CDC and outbox
 * topics as tables and the shipped jobs' sinks, rendered from the platform's settings. It holds no secret, so the
 * interactive session may keep it in a file.
 */
public final class PlatformCatalog {

    static final String RESOURCE = "/sql/catalog.sql";

    private PlatformCatalog() {}

    /** The catalog's text with the platform's values; an undefined variable is a configuration error. */
    public static String render(PlatformEnv env) {
        Placeholders.Rendered rendered = Placeholders.render(template(), env.asMap());
        if (!rendered.undefined().isEmpty()) {
            throw new IllegalStateException("The SQL catalog needs undefined variables: " + rendered.undefined());
        }
        return rendered.text();
    }

    public static List<SqlScript.Statement> statements(PlatformEnv env) {
        return SqlScript.parse(render(env));
    }

    private static String template() {
        try (InputStream in = PlatformCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
