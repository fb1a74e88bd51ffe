package dev.storefront.console.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TopicsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aKeyIsFoundByItsJsonOrByOneOfItsFields() throws Exception {
        var key = JSON.readTree("{\"id\":42}");
        assertThat(TopicsApi.keyMatches(key, "42")).isTrue();
        assertThat(TopicsApi.keyMatches(key, "{\"id\":42}")).isTrue();
        assertThat(TopicsApi.keyMatches(key, "4")).isFalse();
        assertThat(TopicsApi.keyMatches(JSON.readTree("\"abc\""), "abc")).isTrue();
    }
}
