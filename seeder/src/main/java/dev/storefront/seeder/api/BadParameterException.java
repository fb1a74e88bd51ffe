package dev.storefront.seeder.api;

/** A query parameter is missing its mark: answered with 400 naming the parameter, before anything is written. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
