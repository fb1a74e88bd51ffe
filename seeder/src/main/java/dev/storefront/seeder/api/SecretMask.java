package dev.storefront.seeder.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Blanks the configured passwords out of any text the API returns or logs (e.g. a driver's error message). */
@ApplicationScoped
public class SecretMask {

    private static final String MASK = "********";

    private final List<String> secrets;

    public SecretMask(@ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword,
                      @ConfigProperty(name = "quarkus.flyway.placeholders.debezium_password")
                      Optional<String> debeziumPassword) {
        this.secrets = Stream.of(databasePassword, debeziumPassword)
                .flatMap(Optional::stream)
                .filter(secret -> !secret.isEmpty())
                .toList();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
