package dev.storefront.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CdcTopicNamesTest {

    @Test
    void namesFollowDebeziumsTopicPrefix() {
        CdcTopicNames topics = CdcTopicNames.of(PlatformEnv.of(Map.of("TOPIC_PREFIX", "shop")));

        assertThat(topics.table("orders")).isEqualTo("shop.public.orders");
        assertThat(topics.messages()).isEqualTo("shop.message");
    }
}
