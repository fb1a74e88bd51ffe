package dev.storefront.seeder.api;

/** The request collides with work already running (a full load, or deltas): answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
