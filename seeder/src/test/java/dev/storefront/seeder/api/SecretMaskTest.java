package dev.storefront.seeder.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void theUrlStaysReadableAndThePasswordsAreMasked() {
        SecretMask mask = new SecretMask(Optional.of("postgres"), Optional.of("debezium-secret"));

        assertThat(mask.mask("Connection to jdbc:postgresql://localhost:4444/storefront refused for user postgres"
                        + " (password postgres); debezium password 'debezium-secret'"))
                .isEqualTo("Connection to jdbc:postgresql://localhost:4444/storefront refused for user ********"
                        + " (password ********); debezium password '********'");
    }
}
