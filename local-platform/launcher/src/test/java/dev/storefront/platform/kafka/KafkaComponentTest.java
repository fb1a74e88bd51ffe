package dev.storefront.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaComponentTest {

    @Test
    void clusterIdIsSixteenBytesInBase64Url() {
        String id = KafkaComponent.newClusterId();

        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        assertThat(KafkaComponent.newClusterId()).isNotEqualTo(id);
    }
}
