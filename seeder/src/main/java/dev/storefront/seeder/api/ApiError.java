package dev.storefront.seeder.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of every 4xx answer: what is wrong, and which query parameter when one is to blame. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApiError", description = "Why a request was refused")
public record ApiError(
        @Schema(description = "What is wrong, in words", example = "customers must be between 1 and 10000000, got 0")
        String error,

        @Schema(description = "The query parameter to blame (absent when none is)", example = "customers")
        String parameter) {}
