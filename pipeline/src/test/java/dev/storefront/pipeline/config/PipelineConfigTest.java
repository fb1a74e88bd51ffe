package dev.storefront.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefront.contract.PlatformEnv;
import dev.storefront.contract.PlatformEnvException;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.RegistryWireFormat;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    private static final PlatformEnv ROOT_ENV = PlatformEnv.load(Path.of("../.env"), Map.of());

    @Test
    void theShippedPropertiesResolveFromTheRootDotEnv() {
        PipelineConfig config = PipelineConfig.load(ROOT_ENV);

        assertThat(config.streams())
                .containsEntry("application.id", "storefront-pipeline-v2")
                .containsEntry("processing.guarantee", "exactly_once_v2")
                .containsEntry(
                        "bootstrap.servers",
                        ROOT_ENV.require(PlatformVariable.KAFKA_HOST) + ":"
                                + ROOT_ENV.require(PlatformVariable.KAFKA_PORT))
                .containsEntry("state.dir", ROOT_ENV.require(PlatformVariable.PLATFORM_DIR) + "/data/pipeline");
        assertThat(config.serde())
                .containsEntry(
                        "apicurio.registry.url",
                        "http://" + ROOT_ENV.require(PlatformVariable.APICURIO_HOST) + ":"
                                + ROOT_ENV.require(PlatformVariable.APICURIO_PORT) + "/apis/registry/v2")
                .containsAllEntriesOf(RegistryWireFormat.SETTINGS);
        assertThat(config.topics().facts())
                .isEqualTo(ROOT_ENV.require(PlatformVariable.TOPIC_PREFIX) + ".facts.orders");
        assertThat(config.healthPort()).isEqualTo(ROOT_ENV.port(PlatformVariable.PIPELINE_PORT));
        assertThat(config.analyticsDb().url()).endsWith("/" + ROOT_ENV.require(PlatformVariable.ANALYTICS_DB));
        assertThat(config.outboxPrefix()).isEqualTo(ROOT_ENV.require(PlatformVariable.OUTBOX_PREFIX));
    }

    @Test
    void theEnvironmentWinsAndDefaultsApplyOnlyWhenAVariableIsUnset() {
        PlatformEnv env = ROOT_ENV.with(Map.of("KAFKA_PORT", "19092", "PLATFORM_DIR", ""));

        PipelineConfig config = PipelineConfig.load(env);

        assertThat(config.bootstrapServers()).endsWith(":19092");
        assertThat(config.streams()).containsEntry("state.dir", ".platform/data/pipeline");
    }

    @Test
    void everyUndefinedVariableIsNamedAtOnce() {
        PlatformEnv env = PlatformEnv.of(Map.of("KAFKA_HOST", "localhost"));

        assertThatThrownBy(() -> PipelineConfig.load(env))
                .isInstanceOf(PlatformEnvException.class)
                .hasMessageContaining("KAFKA_PORT (used by streams.bootstrap.servers)")
                .hasMessageContaining("PIPELINE_PORT (used by pipeline.health-port)")
                .hasMessageContaining("ANALYTICS_DB (used by verify.analytics-url)")
                .hasMessageNotContaining("PLATFORM_DIR");
    }

    @Test
    void aBadPortOrPartitionCountNamesTheSettingAndTheVariable() {
        assertThatThrownBy(() -> PipelineConfig.load(ROOT_ENV.with(Map.of("PIPELINE_PORT", "80a")))
                        .healthPort())
                .hasMessage("pipeline.health-port = ${PIPELINE_PORT} must be a port number (1-65535), got '80a'");
        assertThatThrownBy(() -> PipelineConfig.load(ROOT_ENV.with(Map.of("CDC_TOPIC_PARTITIONS", "0")))
                        .partitions())
                .hasMessageContaining("${CDC_TOPIC_PARTITIONS} must be a partition count");
    }

    @Test
    void thePasswordIsNotInTheDatabaseTargetsText() {
        PipelineConfig config = PipelineConfig.load(ROOT_ENV.with(Map.of("POSTGRES_PASSWORD", "s3cr3t-value")));

        assertThat(config.storefrontDb().password()).isEqualTo("s3cr3t-value");
        assertThat(config.storefrontDb().toString()).doesNotContain("s3cr3t-value");
    }
}
