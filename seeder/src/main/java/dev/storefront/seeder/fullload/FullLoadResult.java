package dev.storefront.seeder.fullload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a full load wrote, and how fast. */
@Schema(name = "FullLoadResult", description = "Rows written per table, duration and throughput of a full load")
public record FullLoadResult(
        @Schema(
                description = "Rows inserted per table",
                example =
                        "{\"customers\": 1000, \"products\": 200, \"orders\": 5000, \"order_items\": 12512, \"payments\": 5000}")
        Map<String, Long> rows,

        @Schema(description = "Rows inserted over all tables", example = "23712")
        long totalRows,

        @Schema(description = "Wall-clock duration of the load in milliseconds", example = "310")
        long durationMs,

        @Schema(description = "totalRows per second of durationMs", example = "76490")
        long rowsPerSecond,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The seed the data derives from, when one was given", example = "42")
        Long seed) {}
