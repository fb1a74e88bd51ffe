package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Map<String, String> VALUES = Map.of(
            "HOST",
            "db",
            "PORT",
            "5432",
            "BLANK",
            " ",
            "PASSWORD",
            "a${HOST}b",
            "platform.kafka.dataDir",
            "/data/kafka");

    @Test
    void variablesDefaultsAndEscapes() {
        Placeholders.Rendered rendered = Placeholders.render(
                "${HOST}:${PORT} ${NOPE:-fallback} ${BLANK:-blank-means-unset} $${HOST} ${platform.kafka.dataDir}",
                VALUES);

        assertThat(rendered.text()).isEqualTo("db:5432 fallback blank-means-unset ${HOST} /data/kafka");
        assertThat(rendered.undefined()).isEmpty();
    }

    @Test
    void everyUndefinedOrBlankVariableIsReportedOnce() {
        Placeholders.Rendered rendered = Placeholders.render("${B_MISSING}/${A_MISSING}/${B_MISSING}/${BLANK}", VALUES);

        assertThat(rendered.undefined()).containsExactly("A_MISSING", "BLANK", "B_MISSING");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(Placeholders.render("${PASSWORD}", VALUES).text()).isEqualTo("a${HOST}b");
    }

    @Test
    void configProviderReferencesAreLeftForConnect() {
        Placeholders.Rendered rendered = Placeholders.render(
                "${env:DEBEZIUM_PASSWORD} ${file:/run/secrets.properties:password} ${storefront:POSTGRES_PASSWORD}",
                Map.of("env", "x", "file", "y"));

        assertThat(rendered.text())
                .isEqualTo(
                        "${env:DEBEZIUM_PASSWORD} ${file:/run/secrets.properties:password} ${storefront:POSTGRES_PASSWORD}");
        assertThat(rendered.undefined()).isEmpty();
    }
}
