package dev.storefront.contract.metrics;

import dev.storefront.contract.metrics.PrometheusText.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PromQL instant-vector selector with equality matchers only, {@code name{label="value",other=""}}: the same text a
 * dashboard query uses, so the terminal summary and the dashboards read one series the same way. As in PromQL,
 * {@code label=""} selects the samples without that label (a broker's total beside its per-topic series).
 */
public record Selector(String name, Map<String, String> labels) {

    private static final Pattern SELECTOR =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:\\s*[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"\\s*,?)*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    public static Selector parse(String text) {
        Matcher selector = SELECTOR.matcher(text.strip());
        if (!selector.matches()) {
            throw new IllegalArgumentException("Not a selector of the form name{label=\"value\",...}: " + text);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (selector.group(2) != null) {
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                labels.put(matcher.group(1), matcher.group(2));
            }
        }
        return new Selector(selector.group(1), Map.copyOf(labels));
    }

    public boolean matches(Sample sample) {
        return sample.name().equals(name)
                && labels.entrySet().stream()
                        .allMatch(m -> m.getValue().equals(sample.labels().getOrDefault(m.getKey(), "")));
    }

    /**
     * The sum of the matching samples' values, leaving out NaN ones (a Kafka client's lag before it fetched); NaN when
     * none has a value.
     */
    public double sum(List<Sample> samples) {
        return samples.stream()
                .filter(this::matches)
                .mapToDouble(Sample::value)
                .filter(value -> !Double.isNaN(value))
                .reduce(Double::sum)
                .orElse(Double.NaN);
    }
}
