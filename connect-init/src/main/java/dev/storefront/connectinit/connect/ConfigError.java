package dev.storefront.connectinit.connect;

import java.util.List;

/** One field Connect's validation rejected: the key, its (masked) value, and Connect's messages. */
public record ConfigError(String field, String maskedValue, List<String> messages) {

    @Override
    public String toString() {
        return field + " = " + (maskedValue == null ? "(unset)" : "\"" + maskedValue + "\"") + ": "
                + String.join("; ", messages);
    }
}
