package dev.storefront.seeder.api;

import dev.storefront.contract.SecretMasker;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blanks the configured passwords out of any text the API returns or logs (e.g. a driver's error message), by the
 * platform's one masking rule: whole tokens only, so {@code jdbc:postgresql://} stays readable when the password is
 * "postgres".
 */
@ApplicationScoped
public class SecretMask {

    private final SecretMasker masker;

    public SecretMask(
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword,
            @ConfigProperty(name = "quarkus.flyway.placeholders.debezium_password") Optional<String> debeziumPassword) {
        this.masker = SecretMasker.of(Stream.of(databasePassword, debeziumPassword)
                .flatMap(Optional::stream)
                .toList());
    }

    public String mask(String text) {
        return masker.mask(text);
    }
}
