package dev.storefront.seeder.fullload;

import static dev.storefront.seeder.api.QueryParameters.raw;

import dev.storefront.seeder.api.ApiError;
import jakarta.inject.Inject;
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

/** POST /seed/full: the initial load of the storefront database. */
@Path("/seed/full")
@Tag(name = "Full load", description = "Bulk-insert a storefront: customers, products, orders with items and payments")
public class FullLoadResource {

    private final FullLoader loader;

    @Inject
    public FullLoadResource(FullLoader loader) {
        this.loader = loader;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Insert a full load",
            description = "Inserts the asked numbers of customers, products and orders with PostgreSQL COPY, one"
                    + " transaction per batch. Every order references customers and products of this load and"
                    + " gets 1-4 items of distinct products at the product's price, and one payment for the"
                    + " order's total. With a seed, the same request on an empty database writes identical rows."
                    + " Blocks until the load is done; one load at a time.")
    @APIResponse(
            responseCode = "200",
            description = "Loaded: rows per table, duration, throughput",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FullLoadResult.class),
                            examples = @ExampleObject(name = "default load", value = """
                            {"rows": {"customers": 1000, "products": 200, "orders": 5000, "order_items": 12512,
                             "payments": 5000}, "totalRows": 23712, "durationMs": 310, "rowsPerSecond": 76490}""")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is not a number or out of range; nothing written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.class),
                            examples = @ExampleObject(name = "bad count", value = """
                            {"error": "customers must be between 1 and 10000000, got 0", "parameter": "customers"}""")))
    @APIResponse(
            responseCode = "409",
            description = "Another full load is running; nothing written",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.class),
                            examples = @ExampleObject(name = "busy", value = """
                            {"error": "A full load is already running: wait for it to finish, then retry"}""")))
    @Parameter(
            name = "customers",
            in = ParameterIn.QUERY,
            description = "Customers to insert",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + FullLoadRequest.MAX_COUNT,
                            defaultValue = "" + FullLoadRequest.DEFAULT_CUSTOMERS))
    @Parameter(
            name = "products",
            in = ParameterIn.QUERY,
            description = "Products to insert",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + FullLoadRequest.MAX_COUNT,
                            defaultValue = "" + FullLoadRequest.DEFAULT_PRODUCTS))
    @Parameter(
            name = "orders",
            in = ParameterIn.QUERY,
            description = "Orders to insert, each with 1-4 items and one payment",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "1",
                            maximum = "" + FullLoadRequest.MAX_COUNT,
                            defaultValue = "" + FullLoadRequest.DEFAULT_ORDERS))
    @Parameter(
            name = "batchSize",
            in = ParameterIn.QUERY,
            description = "Customers, products or orders per transaction (one COPY per table and batch)",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            minimum = "" + FullLoadRequest.MIN_BATCH,
                            maximum = "" + FullLoadRequest.MAX_BATCH,
                            defaultValue = "" + FullLoadRequest.DEFAULT_BATCH))
    @Parameter(
            name = "seed",
            in = ParameterIn.QUERY,
            description = "Random seed: the same seed on an empty database gives identical rows, timestamps included."
                    + " Random when absent.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64"),
            example = "42")
    public FullLoadResult load(@Context UriInfo uri) {
        return loader.load(FullLoadRequest.parse(
                raw(uri, "customers"),
                raw(uri, "products"),
                raw(uri, "orders"),
                raw(uri, "batchSize"),
                raw(uri, "seed")));
    }
}
