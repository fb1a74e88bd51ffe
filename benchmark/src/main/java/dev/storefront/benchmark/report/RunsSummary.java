package dev.storefront.benchmark.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Several runs of the bench, each on a fresh platform, reduced to each figure's median. This machine's speed drifts
 * between runs, so a goal is judged on the median of the runs: an absolute goal (latency, start, memory) on the median
 * value, a share of a ceiling on the median of each run's share of its own ceiling.
 */
public record RunsSummary(String format, String size, List<String> startedAt, List<Row> figures) {

    /** summary.json's shape: raise it when a field changes. */
    public static final String FORMAT = "storefront-bench-runs/1";

    /** One figure over the runs, in run order; {@code perRun} holds null where a run has no such figure. */
    public record Row(
            String phase,
            String figure,
            String unit,
            Target target,
            @JsonIgnore List<Figure> perRun) {

        /** The figure in each run; NaN where the run has none (its phase failed or did not run). */
        @JsonProperty
        public List<Double> values() {
            return perRun.stream().map(f -> f == null ? Double.NaN : f.value()).toList();
        }

        @JsonProperty
        public double median() {
            return RunsSummary.median(values());
        }

        /** The median of each run's value over its own ceiling; NaN without a ceiling. */
        @JsonProperty
        public double medianShareOfCeiling() {
            return RunsSummary.median(perRun.stream()
                    .map(f -> f == null ? Double.NaN : f.ceilingRatio())
                    .toList());
        }

        /**
         * The median against the target (1 or more: met): the median value, or for a share of a ceiling the median
         * share; NaN without a target.
         */
        @JsonProperty
        public double medianVsTarget() {
            if (target == null) {
                return Double.NaN;
            }
            return target.shareOfCeiling()
                    ? target.ratio(medianShareOfCeiling(), 1)
                    : target.ratio(median(), Double.NaN);
        }

        @JsonProperty
        public Boolean met() {
            double ratio = medianVsTarget();
            return target == null || Double.isNaN(ratio) ? null : ratio >= 1;
        }

        /** How many runs measured it. */
        @JsonProperty
        public long measuredIn() {
            return perRun.stream().filter(Objects::nonNull).count();
        }
    }

    /** Every figure of every run, in the order the runs first show them. */
    public static RunsSummary of(List<BenchReport> reports) {
        Map<List<String>, Figure[]> byFigure = new LinkedHashMap<>();
        for (int run = 0; run < reports.size(); run++) {
            for (PhaseResult phase : reports.get(run).phases()) {
                for (Figure figure : phase.figures()) {
                    byFigure.computeIfAbsent(List.of(phase.phase(), figure.name()), key -> new Figure[reports.size()])[
                            run] = figure;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        byFigure.forEach((key, perRun) -> {
            Figure first =
                    Arrays.stream(perRun).filter(Objects::nonNull).findFirst().orElseThrow();
            rows.add(new Row(key.get(0), key.get(1), first.unit(), first.target(), Arrays.asList(perRun)));
        });
        String size = reports.isEmpty() ? "" : reports.get(0).size();
        return new RunsSummary(
                FORMAT, size, reports.stream().map(BenchReport::startedAt).toList(), rows);
    }

    /** The middle value of those measured (the mean of the middle two for an even count); NaN when none is. */
    static double median(List<Double> values) {
        double[] measured = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (measured.length == 0) {
            return Double.NaN;
        }
        int middle = measured.length / 2;
        return measured.length % 2 == 1 ? measured[middle] : (measured[middle - 1] + measured[middle]) / 2;
    }

    /** One table: each figure's median, every run's value, the median's verdict and the median share of ceiling. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Storefront CDC benchmark: medians of ")
                .append(startedAt.size())
                .append(" runs\n\n");
        md.append("Size `")
                .append(size)
                .append("`, each run on a fresh platform, started ")
                .append(String.join(", ", startedAt))
                .append(" (each run's report in `run-<n>/`). A goal is judged on the median of the runs: a share of a "
                        + "ceiling on the median of each run's share of its own ceiling.\n\n");
        md.append("| phase | figure | median | runs | target | median vs target | median share of ceiling |\n");
        md.append("|---|---|---:|---|---:|---:|---:|\n");
        for (Row row : figures) {
            md.append(Format.row(
                    row.phase(),
                    row.figure(),
                    Format.number(row.median()) + ' ' + row.unit(),
                    row.values().stream().map(Format::number).collect(Collectors.joining(" · ")),
                    Format.target(row.target()),
                    Format.verdict(row.met(), row.medianVsTarget()),
                    Format.share(row.medianShareOfCeiling())));
        }
        return md.toString();
    }
}
