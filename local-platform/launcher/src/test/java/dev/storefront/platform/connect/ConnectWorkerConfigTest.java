package dev.storefront.platform.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.contract.SecretMasker;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectWorkerConfigTest {

    @Test
    void theWorkerResolvesSecretsFromItsEnvironmentAndOnlyThoseTheSecretRuleNames() throws IOException {
        Properties worker = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/connect/connect-distributed.properties")) {
            worker.load(in);
        }

        assertThat(worker)
                .containsEntry("config.providers", "env")
                .containsEntry(
                        "config.providers.env.class",
                        org.apache.kafka.common.config.provider.EnvVarConfigProvider.class.getName())
                .containsEntry("config.providers.env.param.allowlist.pattern", SecretMasker.SECRET_NAME.pattern());
    }
}
