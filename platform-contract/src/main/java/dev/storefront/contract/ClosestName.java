package dev.storefront.contract;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The "did you mean" of every bad-input message (seeder query parameters, connector template keys): the accepted name
 * closest to a misspelt one, ignoring case, if a few edits turn one into the other.
 */
public final class ClosestName {

    /** Edits allowed: enough for a typo or a swapped pair, too few to suggest an unrelated name. */
    private static final int MAX_EDITS = 3;

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

    private ClosestName() {}

    public static Optional<String> among(String sent, Collection<String> accepted) {
        return accepted.stream()
                .filter(name -> edits(sent, name) >= 0)
                .min(Comparator.comparingInt((String name) -> edits(sent, name)).thenComparing(name -> name));
    }

    /** " (did you mean X?)" or "", to append to a message. */
    public static String suggestion(String sent, Collection<String> accepted) {
        return among(sent, accepted)
                .map(name -> " (did you mean " + name + "?)")
                .orElse("");
    }

    /** Edits between the two, or -1 when more than {@link #MAX_EDITS}. */
    private static int edits(String a, String b) {
        return DISTANCE.apply(a.toLowerCase(), b.toLowerCase());
    }
}
