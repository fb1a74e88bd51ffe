package dev.storefront.reconciliation;

import java.util.List;

/** The reconciliation of every output against PostgreSQL. */
public record VerifyReport(List<OutputReport> outputs) {

    public VerifyReport {
        outputs = List.copyOf(outputs);
    }

    public boolean allMatch() {
        return !outputs.isEmpty() && outputs.stream().allMatch(OutputReport::matches);
    }

    public OutputReport output(String name) {
        return outputs.stream()
                .filter(o -> o.output().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No output " + name + " in the report"));
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        outputs.forEach(output -> text.append(output.render()));
        long differing = outputs.stream().filter(o -> !o.matches()).count();
        text.append(
                allMatch()
                        ? "All " + outputs.size() + " outputs match PostgreSQL.\n"
                        : differing + " of " + outputs.size() + " outputs differ from PostgreSQL.\n");
        return text.toString();
    }
}
