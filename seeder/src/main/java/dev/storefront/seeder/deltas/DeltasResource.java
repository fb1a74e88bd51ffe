package dev.storefront.seeder.deltas;

import dev.storefront.seeder.api.ApiError;
import dev.storefront.seeder.api.IntParameter;
import dev.storefront.seeder.api.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST /seed/start, POST /seed/stop, GET /seed/status: the continuous deltas. */
@Path("/seed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deltas", description = "Continuous inserts, updates and deletes, as a live shop makes them")
public class DeltasResource {

    static final int MAX_RATE = 20_000;
    static final int DEFAULT_RATE = 10;
    private static final IntParameter RATE = new IntParameter("rate", 1, MAX_RATE, DEFAULT_RATE);

    private static final String STATUS_EXAMPLE = """
            {"running": true, "rate": 50, "actualRate": 49.8, "startedAt": "2025-01-01T12:00:00Z",
             "operations": {"new_order": 301, "order_status": 249, "payment_status": 152, "product_change": 98,
             "customer_address": 101, "delete_cancelled_order": 95}, "totalOperations": 996, "fullLoadRunning": false}""";

    private final DeltaRunner runner;

    @Inject
    public DeltasResource(DeltaRunner runner) {
        this.runner = runner;
    }

    @POST
    @Path("start")
    @Operation(
            summary = "Start continuous deltas",
            description = "Runs operations in the background at the given rate until POST /seed/stop, drawn by"
                    + " weight: new orders with 1-4 items and a payment (30 %, each also emitting the order as a"
                    + " logical decoding message with the configured outbox prefix, in the same transaction),"
                    + " order status transitions pending → shipped → delivered or pending → cancelled (25 %),"
                    + " pending payments paid or failed (15 %), product price/stock changes (10 %), customer"
                    + " address changes (10 %) and deletes of cancelled orders, cascading to their items and"
                    + " payment (10 %). If the database has no customer or no product, a base set of 100"
                    + " customers, 50 products and 100 orders is written first.")
    @APIResponse(
            responseCode = "200",
            description = "Started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeltaStatus.class),
                            examples = @ExampleObject(name = "started", value = STATUS_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "rate is not a number or out of range; nothing started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.class),
                            examples = @ExampleObject(name = "bad rate", value = """
                            {"error": "rate must be between 1 and 20000, got 0", "parameter": "rate"}""")))
    @APIResponse(
            responseCode = "409",
            description = "Deltas are already running",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.class),
                            examples = @ExampleObject(name = "running", value = """
                            {"error": "Deltas are already running at 50 operations/s: stop them first (POST /seed/stop)"}""")))
    @Parameter(
            name = "rate",
            in = ParameterIn.QUERY,
            description = "Operations per second",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + MAX_RATE,
                            defaultValue = "" + DEFAULT_RATE))
    public DeltaStatus start(@Context UriInfo uri) {
        return runner.start(RATE.parse(QueryParameters.raw(uri, "rate")));
    }

    @POST
    @Path("stop")
    @Operation(
            summary = "Stop continuous deltas",
            description = "Waits for the tick in flight to commit, then answers the final status. Idempotent:"
                    + " answers the status also when nothing runs.")
    @APIResponse(
            responseCode = "200",
            description = "Stopped (or was not running)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeltaStatus.class)))
    public DeltaStatus stop() {
        return runner.stop();
    }

    @GET
    @Path("status")
    @Operation(
            summary = "Status of the deltas",
            description = "Whether deltas run, the asked and achieved rate, operations done per kind, the last"
                    + " error, and whether a full load is running.")
    @APIResponse(
            responseCode = "200",
            description = "Current status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeltaStatus.class),
                            examples = @ExampleObject(name = "running", value = STATUS_EXAMPLE)))
    public DeltaStatus status() {
        return runner.status();
    }
}
