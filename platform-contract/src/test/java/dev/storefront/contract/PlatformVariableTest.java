package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declarations and the root .env say the same: every variable in both, with its value and a comment. */
class PlatformVariableTest {

    private static final Path ROOT_ENV = Path.of("../.env");

    @Test
    void everyVariableOfTheRootEnvIsDeclaredWithTheValueItShips() {
        Map<String, String> shipped = PlatformEnv.readFile(ROOT_ENV);

        assertThat(shipped.keySet())
                .as("variables of .env vs PlatformVariable")
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(PlatformVariable.values()).map(Enum::name).toList());
        for (PlatformVariable variable : PlatformVariable.values()) {
            assertThat(shipped.get(variable.name())).as(variable.name()).isEqualTo(variable.shipped());
            assertThat(variable.problem(variable.shipped()))
                    .as(variable.name() + "'s shipped value is valid")
                    .isEmpty();
            assertThat(variable.doc()).as(variable.name()).isNotBlank();
            assertThat(variable.secret()).as(variable.name()).isEqualTo(PlatformEnv.isSecret(variable.name()));
        }
    }

    @Test
    void everyVariableOfTheRootEnvHasACommentAboveIt() throws Exception {
        List<String> lines = Files.readAllLines(ROOT_ENV);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int above = i - 1;
            while (above >= 0
                    && !lines.get(above).isBlank()
                    && !lines.get(above).startsWith("#")) {
                above--;
            }
            assertThat(above >= 0 && lines.get(above).startsWith("#"))
                    .as(".env line %d (%s) has a comment above it", i + 1, line)
                    .isTrue();
        }
    }

    @Test
    void anInvalidValueIsRefusedNamingTheVariableAndSecretsStayMasked(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve(".env");
        Files.writeString(envFile, "KAFKA_PORT=90x2\nTOPIC_PREFIX=has space\nPOSTGRES_PASSWORD=\n");

        assertThatThrownBy(() -> PlatformEnv.load(envFile, Map.of("CDC_TOPIC_PARTITIONS", "0")))
                .isInstanceOf(PlatformEnvException.class)
                .hasMessageContaining("nothing was started")
                .hasMessageContaining("KAFKA_PORT must be a port number (1-65535), got '90x2'")
                .hasMessageContaining("TOPIC_PREFIX must be a name of letters")
                .hasMessageContaining("CDC_TOPIC_PARTITIONS must be a whole number from 1, got '0'")
                .hasMessageNotContaining("POSTGRES_PASSWORD");
        assertThat(PlatformVariable.POSTGRES_PASSWORD.problem(""))
                .hasValueSatisfying(problem -> assertThat(problem).contains("got '" + SecretMasker.MASK + "'"));
    }
}
