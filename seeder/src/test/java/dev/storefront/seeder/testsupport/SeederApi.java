package dev.storefront.seeder.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.Map;

/** The seeder's HTTP API as the tests call it. */
public final class SeederApi {

    private SeederApi() {}

    public static Response fullLoad(Map<String, ?> parameters) {
        return given().queryParams(parameters).post("/seed/full");
    }

    public static Response start(Map<String, ?> parameters) {
        return given().queryParams(parameters).post("/seed/start");
    }

    public static Response stop() {
        return given().post("/seed/stop");
    }

    public static Response status() {
        return given().get("/seed/status");
    }
}
