package dev.storefront.console.seeder;

import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.console.web.Upstream;

/**
 * The seeder's controls: GET /api/seeder/status, POST /api/seeder/full?customers&products&orders,
 * /api/seeder/start?rate, /api/seeder/stop; the seeder itself validates the numbers and its 400 is passed on.
 */
public final class SeederApi implements ConsoleServer.Route {

    private final String seederUrl;

    public SeederApi(String seederUrl) {
        this.seederUrl = seederUrl;
    }

    @Override
    public void handle(Http request) throws Exception {
        switch (request.method() + " " + request.rest()) {
            case "GET status" -> request.json(200, Upstream.get(seederUrl + "/seed/status"));
            case "POST full" ->
                request.json(
                        200,
                        Upstream.post(
                                seederUrl + "/seed/full?customers=" + request.number("customers", 1000, 1, 10_000_000)
                                        + "&products=" + request.number("products", 100, 1, 1_000_000) + "&orders="
                                        + request.number("orders", 2000, 0, 100_000_000),
                                null));
            case "POST start" ->
                request.json(
                        200,
                        Upstream.post(seederUrl + "/seed/start?rate=" + request.number("rate", 50, 1, 100_000), null));
            case "POST stop" -> request.json(200, Upstream.post(seederUrl + "/seed/stop", null));
            default ->
                throw new Http.BadRequest("expected GET /api/seeder/status or POST /api/seeder/full|start|stop,"
                        + " got " + request.method() + " /api/seeder/" + request.rest());
        }
    }
}
