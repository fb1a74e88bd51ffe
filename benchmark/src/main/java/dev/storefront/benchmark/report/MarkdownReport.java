package dev.storefront.benchmark.report;

import java.util.Map;

/** The Markdown summary: one table of every figure against its target and ceiling, then each phase's notes. */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Storefront CDC benchmark\n\n");
        md.append("Started ")
                .append(report.startedAt())
                .append(", size `")
                .append(report.size())
                .append("`");
        report.machine()
                .forEach((key, value) -> md.append(", ").append(key).append(' ').append(value));
        md.append(".\n\n");
        md.append("| phase | figure | measured | target | vs target | ceiling (same run) | share of ceiling |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (PhaseResult phase : report.phases()) {
            if (phase.error() != null) {
                md.append("| ").append(phase.phase()).append(" | **failed** | | | | | |\n");
                continue;
            }
            for (Figure figure : phase.figures()) {
                md.append(Format.row(
                        phase.phase(),
                        figure.name(),
                        Format.number(figure.value()) + ' ' + figure.unit(),
                        Format.target(figure.target()),
                        Format.verdict(figure.met(), figure.targetRatio()),
                        Double.isNaN(figure.ceiling()) ? "" : Format.number(figure.ceiling()),
                        Format.share(figure.ceilingRatio())));
            }
        }
        for (PhaseResult phase : report.phases()) {
            md.append("\n## ").append(phase.phase()).append("\n\n");
            if (phase.error() != null) {
                // A failure's notes are what it found (verify's report for the reconciliation).
                md.append("Failed: ").append(phase.error()).append("\n\n");
            }
            for (String note : phase.notes()) {
                md.append("- ").append(note).append('\n');
            }
            for (Map.Entry<String, Object> fact : phase.facts().entrySet()) {
                md.append("- `")
                        .append(fact.getKey())
                        .append("`: ")
                        .append(fact.getValue())
                        .append('\n');
            }
        }
        return md.toString();
    }
}
