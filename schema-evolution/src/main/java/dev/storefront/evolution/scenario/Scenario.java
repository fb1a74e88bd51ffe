package dev.storefront.evolution.scenario;

import java.util.List;

/**
 * One schema evolution scenario: a Flyway location of its own ({@code db/scenarios/<name>}, from
 * migrations/scenarios/<name>), its SQL files in version order and what the first one's leading comment says.
 */
public record Scenario(String name, String description, List<String> sqlScripts) {

    /** Where its migrations are on the classpath. */
    public String location() {
        return Scenarios.ROOT + "/" + name;
    }

    /** All its SQL, in version order: what the pre-flight runs in a transaction it rolls back. */
    public String sql() {
        return String.join("\n", sqlScripts);
    }
}
