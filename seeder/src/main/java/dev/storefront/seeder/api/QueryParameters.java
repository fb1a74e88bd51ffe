package dev.storefront.seeder.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Raw query parameter values. Read from the request URI rather than bound with @QueryParam, which turns an
 * empty value ({@code ?customers=}) into "absent" and would silently apply the default.
 */
public final class QueryParameters {

    private QueryParameters() {}

    /** The first value of the parameter as sent, "" when sent empty, null when absent. */
    public static String raw(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
