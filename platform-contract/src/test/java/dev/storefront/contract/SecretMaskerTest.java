package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void aSecretIsMaskedAsAWholeTokenOnly() {
        SecretMasker masker = SecretMasker.of(List.of("postgres"));

        assertThat(masker.mask("connecting to jdbc:postgresql://localhost:4444/storefront as postgres/postgres"))
                .isEqualTo("connecting to jdbc:postgresql://localhost:4444/storefront as ********/********");
        assertThat(masker.mask("user \"postgres\" (password=postgres) for storefront-postgres-source"))
                .isEqualTo("user \"********\" (password=********) for storefront-postgres-source");
        assertThat(masker.mask("org.postgresql.Driver")).isEqualTo("org.postgresql.Driver");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        SecretMasker masker = SecretMasker.of(Arrays.asList("secret", "debezium secret", null, ""));

        assertThat(masker.mask("pw: debezium secret; other: secret")).isEqualTo("pw: ********; other: ********");
    }

    @Test
    void secretNamesAreRecognisedInAnyCase() {
        assertThat(SecretMasker.isSecretName("DEBEZIUM_PASSWORD")).isTrue();
        assertThat(SecretMasker.isSecretName("database.password")).isTrue();
        assertThat(SecretMasker.isSecretName("API_TOKEN")).isTrue();
        assertThat(SecretMasker.isSecretName("sasl.jaas.credentials")).isTrue();
        assertThat(SecretMasker.isSecretName("POSTGRES_USER")).isFalse();
        assertThat(SecretMasker.of(List.of("x")).mask(null)).isNull();
    }
}
