package dev.storefront.seeder.api;

/**
 * A whole-number query parameter with bounds and a default. Parameters arrive as raw strings so that a
 * non-number gets the same 400 naming the parameter as an out-of-range value (JAX-RS would answer 404).
 */
public record IntParameter(String name, int min, int max, int defaultValue) {

    public IntParameter {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("Inconsistent bounds for " + name);
        }
    }

    /** The value of {@code raw}, or the default when the parameter is absent. */
    public int parse(String raw) {
        if (raw == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(
                    name, name + " must be a whole number between " + min + " and " + max + ", got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new BadParameterException(name, name + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    /** An optional 64-bit number (e.g. a random seed): null when absent. */
    public static Long parseOptionalLong(String name, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be a whole number (64-bit), got '" + raw + "'");
        }
    }
}
