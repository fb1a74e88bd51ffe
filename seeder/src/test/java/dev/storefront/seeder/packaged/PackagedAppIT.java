package dev.storefront.seeder.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged app (java -jar target/quarkus-app/quarkus-run.jar) serves its API docs and health. */
@QuarkusIntegrationTest
class PackagedAppIT {

    @Test
    void servesTheOpenApiSpec() {
        given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        containsString("/seed/full:"),
                        containsString("/seed/start:"),
                        containsString("/seed/stop:"),
                        containsString("/seed/status:"),
                        containsString("batchSize"),
                        containsString("maximum: 10000000"));
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("swagger-ui"), containsString("/q/openapi"));
    }

    @Test
    void isHealthyWithItsDatabase() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
