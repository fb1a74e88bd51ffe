package dev.storefront.seeder.deltas;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /seed/status: what the deltas do (or did, in their last run). */
@Schema(name = "DeltaStatus", description = "State of the continuous deltas (the last run's figures once stopped)")
public record DeltaStatus(
        @Schema(description = "Whether deltas are running", example = "true")
        boolean running,

        @Schema(description = "Operations per second asked at start (null before the first start)", example = "50")
        Integer rate,

        @Schema(description = "Operations per second actually done since start", example = "49.8")
        double actualRate,

        @Schema(description = "When the current or last run started", example = "2025-01-01T12:00:00Z")
        Instant startedAt,

        @Schema(
                description = "Operations done per kind since start",
                example = "{\"new_order\": 301, \"order_status\": 249,"
                        + " \"payment_status\": 152, \"product_change\": 98, \"customer_address\": 101,"
                        + " \"delete_cancelled_order\": 95}")
        Map<String, Long> operations,

        @Schema(description = "Sum of operations", example = "996")
        long totalOperations,

        @Schema(description = "Message of the last failed tick since start, null when none (never contains a secret)")
        String lastError,

        @Schema(description = "Whether a full load is running right now", example = "false")
        boolean fullLoadRunning) {}
