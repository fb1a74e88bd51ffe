package dev.storefront.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaComponentTest {

    @Test
    void clusterIdIsSixteenBytesInBase64UrlAndNeverLooksLikeAnOption() {
        // One in 64 random base64url ids starts with '-', which the storage tool reads as an option: draw many.
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaComponent.newClusterId();

            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
        assertThat(KafkaComponent.newClusterId()).isNotEqualTo(KafkaComponent.newClusterId());
    }
}
