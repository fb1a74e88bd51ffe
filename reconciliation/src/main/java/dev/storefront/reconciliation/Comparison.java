package dev.storefront.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares what an output holds with what it should hold, key by key. */
public final class Comparison {

    /** How many differences a report quotes. */
    static final int EXAMPLES = 5;

    private Comparison() {}

    public static <K, V> OutputReport compare(String output, Map<K, V> expected, Map<K, V> actual) {
        int matching = 0;
        int missing = 0;
        int wrong = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<K, V> entry : expected.entrySet()) {
            K key = entry.getKey();
            if (!actual.containsKey(key)) {
                missing++;
                quote(examples, "missing " + key + ": expected " + entry.getValue());
            } else if (Objects.equals(entry.getValue(), actual.get(key))) {
                matching++;
            } else {
                wrong++;
                quote(examples, "wrong " + key + ": expected " + entry.getValue() + " but is " + actual.get(key));
            }
        }
        int extra = 0;
        for (Map.Entry<K, V> entry : actual.entrySet()) {
            if (!expected.containsKey(entry.getKey())) {
                extra++;
                quote(examples, "extra " + entry.getKey() + ": " + entry.getValue());
            }
        }
        return new OutputReport(output, true, matching, missing, wrong, extra, examples, List.of());
    }

    private static void quote(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }
}
