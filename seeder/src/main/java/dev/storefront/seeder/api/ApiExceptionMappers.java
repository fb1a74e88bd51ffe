package dev.storefront.seeder.api;

import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the API's own exceptions into JSON {@link ApiError} bodies. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public RestResponse<ApiError> badParameter(BadParameterException e) {
        return json(RestResponse.Status.BAD_REQUEST, new ApiError(e.getMessage(), e.parameter()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> conflict(ConflictException e) {
        return json(RestResponse.Status.CONFLICT, new ApiError(e.getMessage(), null));
    }

    private static RestResponse<ApiError> json(RestResponse.Status status, ApiError body) {
        return RestResponse.ResponseBuilder.create(status, body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
