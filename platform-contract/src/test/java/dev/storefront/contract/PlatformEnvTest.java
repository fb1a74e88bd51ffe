package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformEnvTest {

    @TempDir
    Path dir;

    private Path envFile(String content) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void environmentWinsOverTheFile() throws Exception {
        Path file = envFile("# comment\nPOSTGRES_PORT=4444\nPOSTGRES_DB=storefront\n");

        PlatformEnv env = PlatformEnv.load(file, Map.of("POSTGRES_PORT", "5555"));

        assertThat(env.port(PlatformVariable.POSTGRES_PORT)).isEqualTo(5555);
        assertThat(env.require(PlatformVariable.POSTGRES_DB)).isEqualTo("storefront");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> PlatformEnv.load(dir.resolve("nope.env"), Map.of()))
                .isInstanceOf(PlatformEnvException.class)
                .hasMessageContaining("No .env file");
    }

    @Test
    void badPortNamesTheVariable() {
        PlatformEnv env = PlatformEnv.of(Map.of("KAFKA_PORT", "90x2"));

        assertThatThrownBy(() -> env.port(PlatformVariable.KAFKA_PORT))
                .hasMessageContaining("KAFKA_PORT")
                .hasMessageContaining("port number");
    }

    @Test
    void unsetVariableNamesIt() {
        assertThatThrownBy(() -> PlatformEnv.of(Map.of()).require(PlatformVariable.CONNECT_PORT))
                .hasMessageContaining("CONNECT_PORT is not set");
    }

    @Test
    void secretsAreMaskedWhereverTheyAppear() {
        PlatformEnv env = PlatformEnv.of(Map.of("DEBEZIUM_PASSWORD", "s3cr3t", "DEBEZIUM_USER", "debezium"));

        String masked = env.mask("{\"database.password\":\"s3cr3t\",\"database.user\":\"debezium\"}");

        assertThat(masked).doesNotContain("s3cr3t").contains("debezium").contains(SecretMasker.MASK);
        assertThat(PlatformEnv.isSecret("POSTGRES_PASSWORD")).isTrue();
    }

    @Test
    void aSecretIsMaskedOnlyAsAWholeToken() {
        PlatformEnv env = PlatformEnv.of(Map.of("POSTGRES_PASSWORD", "postgres"));

        assertThat(env.mask("password=postgres url=jdbc:postgresql://h/db name=storefront-postgres-source 'postgres'"))
                .isEqualTo("password=******** url=jdbc:postgresql://h/db name=storefront-postgres-source '********'");
        assertThat(PlatformEnv.isSecret("POSTGRES_PORT")).isFalse();
    }

    @Test
    void readFileKeepsOnlyDeclaredVariables() throws Exception {
        Path file = envFile("A=1\nB=\"quoted value\"\n");

        assertThat(PlatformEnv.readFile(file))
                .containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "quoted value"));
    }
}
