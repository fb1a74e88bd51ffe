package dev.storefront.contract.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' text exposition format (version 0.0.4), as the platform's /metrics endpoints serve it: one sample per
 * line, {@code name{label="value",...} value [timestamp]}; comments and blank lines skipped.
 */
public final class PrometheusText {

    /** One sample: its series name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private PrometheusText() {}

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return samples;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            rest = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] valueAndTime = line.substring(rest).strip().split("\\s+");
        return new Sample(name, Map.copyOf(labels), value(valueAndTime[0], line));
    }

    /** Reads {@code a="x",b="y"}} from {@code at} into {@code labels}; returns the index after the closing brace. */
    private static int labels(String line, int at, Map<String, String> labels) {
        int i = at;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2; // past ="
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            i++; // past the closing quote
            if (line.charAt(i) == ',') {
                i++;
            }
            while (line.charAt(i) == ' ') {
                i++;
            }
        }
        return i + 1;
    }

    private static double value(String text, String line) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a Prometheus sample: " + line);
                }
            }
        };
    }
}
