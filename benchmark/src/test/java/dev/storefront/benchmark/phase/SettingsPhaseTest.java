package dev.storefront.benchmark.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsPhaseTest {

    @Test
    void aSettingNobodySetShowsItsDefault() {
        assertThat(SettingsPhase.pick(
                        List.of("poll.interval.ms", "snapshot.fetch.size"), Map.of("poll.interval.ms", "50")::get))
                .containsExactly(Map.entry("poll.interval.ms", "50"), Map.entry("snapshot.fetch.size", "(default)"));
    }

    @Test
    void theSourceSettingsReportedAreTheTemplatesOwn() throws Exception {
        String template = Files.readString(Path.of("../connectors/storefront-postgres-source.template.json"));

        assertThat(SettingsPhase.CONNECTOR_SETTINGS.get("storefront-postgres-source"))
                .filteredOn(key -> !SettingsPhase.SOURCE_DEFAULTS_SHOWN.contains(key))
                .allSatisfy(key -> assertThat(template).contains("\"" + key + "\""));
        assertThat(SettingsPhase.SOURCE_DEFAULTS_SHOWN)
                .allSatisfy(key -> assertThat(template).doesNotContain("\"" + key + "\""));
    }
}
