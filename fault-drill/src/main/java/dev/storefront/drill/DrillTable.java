package dev.storefront.drill;

import java.util.List;
import java.util.Locale;

/** The drill's findings as a table for people (also pasted into notes as Markdown). */
final class DrillTable {

    private DrillTable() {}

    static String render(List<FaultResult> results) {
        StringBuilder table = new StringBuilder()
                .append("| fault | component | time to healthy | changes seen twice | outputs matching | differing |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (FaultResult result : results) {
            table.append("| ")
                    .append(result.fault().label())
                    .append(" | ")
                    .append(result.component())
                    .append(" | ")
                    .append(
                            result.healed()
                                    ? String.format(Locale.ROOT, "%.1f s", result.secondsToHealthy())
                                    : "NOT HEALED")
                    .append(" | ")
                    .append(result.changesSeenTwice())
                    .append(" | ")
                    .append(result.outputsMatching())
                    .append(" | ")
                    .append(result.differing().isEmpty() ? "none" : String.join(", ", result.differing()))
                    .append(" |\n");
        }
        return table.toString();
    }
}
