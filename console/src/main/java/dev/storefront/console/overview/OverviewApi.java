package dev.storefront.console.overview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.console.web.ConsoleServer;
import dev.storefront.console.web.Http;
import dev.storefront.console.web.Upstream;
import dev.storefront.contract.PlatformEndpoints;
import dev.storefront.contract.PlatformVariable;
import dev.storefront.contract.ReplicationSlots;
import dev.storefront.contract.connect.ConnectorStates;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * GET /api/overview: each component's health (probed at once, as `./platform status` does), every connector's
 * state, Debezium's slot (active, WAL retained) and the data flow's rates; GET /api/overview/rates: the chart series.
 */
public final class OverviewApi implements ConsoleServer.Route {

    private final PlatformEndpoints endpoints;
    private final Admin admin;
    private final RateSampler rates;
    private final Map<String, BooleanSupplier> probes = new LinkedHashMap<>();

    public OverviewApi(PlatformEndpoints endpoints, Admin admin, RateSampler rates) {
        this.endpoints = endpoints;
        this.admin = admin;
        this.rates = rates;
        probes.put("postgres", this::postgresUp);
        probes.put("kafka", this::kafkaUp);
        probes.put("registry", () -> Upstream.ok(endpoints.registryHealthUrl()));
        probes.put("connect", () -> Upstream.ok(endpoints.connectHealthUrl()));
        probes.put("seeder", () -> Upstream.ok(endpoints.seederHealthUrl()));
        probes.put("pipeline", () -> Upstream.ok(endpoints.pipelineHealthUrl()));
    }

    @Override
    public void handle(Http request) throws Exception {
        if (request.rest().equals("rates")) {
            request.json(200, rates.samples());
            return;
        }
        Map<String, CompletableFuture<Boolean>> health = new LinkedHashMap<>();
        probes.forEach((name, probe) -> health.put(name, CompletableFuture.supplyAsync(probe::getAsBoolean)));
        ObjectNode overview = Http.JSON.createObjectNode();
        ArrayNode components = overview.putArray("components");
        health.forEach(
                (name, healthy) -> components.addObject().put("name", name).put("healthy", healthy.join()));
        ObjectNode connectors = overview.putObject("connectors");
        ConnectorStates.fetch(endpoints.connectUrl()).forEach(connectors::put);
        String slot = endpoints.env().require(PlatformVariable.DEBEZIUM_SLOT);
        try (Connection db = endpoints.openDatabase(endpoints.env().require(PlatformVariable.POSTGRES_DB))) {
            ReplicationSlots.state(db, slot)
                    .ifPresent(state -> overview.putObject("slot")
                            .put("name", state.slot())
                            .put("active", state.active())
                            .put("retainedWalBytes", state.retainedWalBytes()));
        } catch (Exception postgresDown) {
            overview.putNull("slot");
        }
        var samples = rates.samples();
        overview.set(
                "rates",
                Http.JSON.valueToTree(
                        samples.isEmpty()
                                ? Map.of()
                                : samples.get(samples.size() - 1).rates()));
        request.json(200, overview);
    }

    private boolean postgresUp() {
        try (Connection db = endpoints.openDatabase(endpoints.env().require(PlatformVariable.POSTGRES_DB))) {
            return db.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private boolean kafkaUp() {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
