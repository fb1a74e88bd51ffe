package dev.storefront.evolution.preflight;

/** One line of the pre-flight's verdict: a change the platform takes in its stride, or one it refuses. */
public record Finding(boolean refuses, String text) {

    public static Finding note(String text) {
        return new Finding(false, text);
    }

    public static Finding refuse(String text) {
        return new Finding(true, text);
    }

    @Override
    public String toString() {
        return (refuses ? "REFUSED  " : "ok       ") + text;
    }
}
