package dev.storefront.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report.json, report.md and report.png into the output folder, and the summary of several runs. */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** report.json's text: the record as it is, read by jupyter/benchmark-latency.ipynb. */
    static String json(BenchReport report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    public static void write(BenchReport report, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("report.json"), json(report));
        Files.writeString(outDir.resolve("report.md"), MarkdownReport.render(report));
        ChartRenderer.write(report, outDir.resolve("report.png"));
    }

    /** summary.json and summary.md of several runs, beside their run-<n>/ folders. */
    public static void writeSummary(RunsSummary summary, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("summary.json"), JSON.writeValueAsString(summary));
        Files.writeString(outDir.resolve("summary.md"), summary.markdown());
    }
}
