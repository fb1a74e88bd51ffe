package dev.storefront.seeder.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storefront.seeder.testsupport.SeederApi;
import dev.storefront.seeder.testsupport.StorefrontDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad parameter is refused with 400 naming it, and nothing is written; start while running is 409. */
@QuarkusTest
class BadInputIT {

    private Map<String, Long> countsBefore;

    @BeforeEach
    void someData() {
        SeederApi.stop();
        if (StorefrontDb.rowCounts().containsValue(0L)) {
            StorefrontDb.reset();
            SeederApi.fullLoad(Map.of("customers", 50, "products", 20, "orders", 80))
                    .then()
                    .statusCode(200);
        }
        countsBefore = StorefrontDb.rowCounts();
    }

    @AfterEach
    void stopDeltas() {
        SeederApi.stop();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "customers|0",
                "customers|-1",
                "customers|10000001",
                "customers|abc",
                "customers|1.5",
                "customers|''",
                "customers|99999999999999999999",
                "products|0",
                "products|-7",
                "products|10000001",
                "products|x10",
                "products|2e3",
                "orders|0",
                "orders|-1",
                "orders|10000001",
                "orders|many",
                "batchSize|0",
                "batchSize|-100",
                "batchSize|99",
                "batchSize|100001",
                "batchSize|big",
                "seed|abc",
                "seed|1.5",
                "seed|99999999999999999999"
            })
    void badFullLoadParameterIsRefused(String parameter, String value) {
        Map<String, Object> parameters = new HashMap<>(Map.of("customers", 5, "products", 5, "orders", 5));
        parameters.put(parameter, value);

        Response response = SeederApi.fullLoad(parameters);

        assertBadParameter(response, parameter);
    }

    @ParameterizedTest(name = "rate={0}")
    @CsvSource({"0", "-1", "20001", "abc", "2.5", "''", "99999999999"})
    void badRateIsRefused(String value) {
        Response response = SeederApi.start(Map.of("rate", value));

        assertBadParameter(response, "rate");
        assertThat(SeederApi.status().jsonPath().getBoolean("running")).isFalse();
    }

    @Test
    void anUnknownOrMisspeltParameterIsRefusedNamingItAndTheAcceptedOnes() {
        Response unknown = SeederApi.fullLoad(Map.of("foo", 1));
        Response misspelt = SeederApi.fullLoad(Map.of("customers", 5, "products", 5, "order", 100));
        Response onStart = SeederApi.start(Map.of("rates", 5));

        assertUnknownParameter(unknown, "foo");
        assertThat(unknown.jsonPath().getString("error"))
                .isEqualTo(
                        "foo is not a parameter of POST /seed/full; it takes: batchSize, customers, orders, products,"
                                + " seed");
        assertUnknownParameter(misspelt, "order");
        assertThat(misspelt.jsonPath().getString("error")).contains("(did you mean orders?)");
        assertUnknownParameter(onStart, "rates");
        assertThat(onStart.jsonPath().getString("error")).contains("(did you mean rate?)");
        assertThat(SeederApi.status().jsonPath().getBoolean("running")).isFalse();
    }

    private void assertUnknownParameter(Response response, String parameter) {
        response.then().statusCode(400).contentType("application/json");
        assertThat(response.jsonPath().getString("parameter")).isEqualTo(parameter);
        assertThat(response.jsonPath().getString("error")).startsWith(parameter + " is not a parameter of ");
        assertThat(StorefrontDb.rowCounts()).isEqualTo(countsBefore);
    }

    @Test
    void startWhileRunningIsRefused() {
        SeederApi.start(Map.of("rate", 1)).then().statusCode(200);

        Response second = SeederApi.start(Map.of("rate", 5));

        second.then().statusCode(409);
        assertThat(second.jsonPath().getString("error")).contains("already running");
        Response status = SeederApi.status();
        assertThat(status.jsonPath().getBoolean("running")).isTrue();
        assertThat(status.jsonPath().getInt("rate")).isEqualTo(1);
    }

    @Test
    void stopWhenNotRunningAnswersTheStatus() {
        Response stopped = SeederApi.stop();

        stopped.then().statusCode(200);
        assertThat(stopped.jsonPath().getBoolean("running")).isFalse();
        assertThat(StorefrontDb.rowCounts()).isEqualTo(countsBefore);
    }

    private void assertBadParameter(Response response, String parameter) {
        response.then().statusCode(400).contentType("application/json");
        assertThat(response.jsonPath().getString("parameter")).isEqualTo(parameter);
        assertThat(response.jsonPath().getString("error")).startsWith(parameter + " must be");
        assertThat(StorefrontDb.rowCounts()).isEqualTo(countsBefore);
    }
}
