package dev.storefront.seeder.api;

import dev.storefront.contract.ClosestName;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the endpoint does not take ({@code ?foo=1}, a misspelt {@code ?order=100}) with 400
 * naming it, the closest accepted one and every accepted one, before the endpoint runs: an unknown parameter would
 * otherwise be ignored and the request run with defaults. What an endpoint takes is what it documents, its OpenAPI
 * {@code @Parameter(in = QUERY)} annotations, so the Swagger UI and this check cannot disagree.
 */
public class KnownQueryParameters {

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> accepted = accepted(method);
        for (String sent : new TreeSet<>(uri.getQueryParameters().keySet())) {
            if (!accepted.contains(sent)) {
                throw new BadParameterException(sent, message(sent, accepted, request.getMethod(), uri.getPath()));
            }
        }
    }

    static Set<String> accepted(Method method) {
        return Stream.of(method.getAnnotationsByType(Parameter.class))
                .filter(parameter -> parameter.in() == ParameterIn.QUERY)
                .map(Parameter::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String message(String sent, Set<String> accepted, String httpMethod, String path) {
        String where = httpMethod + " " + path;
        if (accepted.isEmpty()) {
            return sent + " is not a parameter of " + where + ", which takes none";
        }
        return sent + " is not a parameter of " + where + ClosestName.suggestion(sent, accepted) + "; it takes: "
                + String.join(", ", accepted);
    }
}
