package dev.storefront.connectinit.connect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Optional;

/**
 * An answer (or a missing one) that says "not now" rather than "no": Kafka Connect gives these while a worker starts
 * and while its group rebalances, which it does after every connector is created, updated or deleted. Retrying the
 * same request later succeeds; {@link #waitingFor()} says what the retry waits for.
 *
 * <p>Connect 4.x answers in that window: 409 "Cannot complete request because of a conflicting operation (e.g. worker
 * rebalance)", 409 "... momentarily due to stale configuration" or "... due to no known leader URL"; 500 "Request
 * cannot be completed because a rebalance is expected" (a read while a rebalance is pending); 500 "Request timed out.
 * The worker is currently ..." (its 90 s request timeout while it is busy rebalancing or starting tasks); 503 from
 * {@code /health} while it starts; and a bare Jetty 404 page before its REST resources are registered (Connect's own
 * 404s are JSON with an {@code error_code}, which means "no such connector" and is final).
 */
record TransientAnswer(String answer, String waitingFor) {

    static final String REBALANCE = "the Connect group to finish rebalancing";
    static final String STARTING = "the worker to finish starting";

    /** The answer as transient, or empty when it is final (a success, or a real rejection). */
    static Optional<TransientAnswer> of(int status, boolean connectError, String message) {
        String text = message.toLowerCase(Locale.ROOT);
        String waitingFor = switch (status) {
            case 409 -> REBALANCE;
            case 503 -> STARTING;
            case 404 -> connectError ? null : STARTING + " (its REST resources are not registered yet)";
            case 500 ->
                text.contains("rebalance")
                        ? REBALANCE
                        : text.contains("still starting")
                                ? STARTING
                                : text.startsWith("request timed out")
                                        ? "the worker to finish what it is busy with"
                                        : null;
            default -> null;
        };
        return Optional.ofNullable(waitingFor).map(what -> new TransientAnswer(answer(status, message), what));
    }

    /** "HTTP 500: Request cannot be completed because a rebalance is expected". */
    static String answer(int status, String message) {
        return "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
    }

    /** No answer at all is always transient: the worker may be starting or restarting. */
    static TransientAnswer of(IOException e) {
        if (e instanceof ConnectException) {
            return new TransientAnswer("connection refused", "the worker to accept connections");
        }
        if (e instanceof HttpTimeoutException) {
            return new TransientAnswer("no answer in time", "an answer");
        }
        return new TransientAnswer(
                e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                "the worker to answer");
    }
}
