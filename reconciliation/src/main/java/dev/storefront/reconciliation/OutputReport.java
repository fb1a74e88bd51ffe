package dev.storefront.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * How one output compares with what PostgreSQL says it should hold, key by key: equal ({@code matching}),
 * absent ({@code missing}), different ({@code wrong}) or not expected at all ({@code extra}).
 *
 * @param readable whether the output could be read at all (an unreadable output never matches)
 * @param examples a few of the differences, to start looking from
 * @param notes    context that is not a difference (e.g. why an output could not be read)
 */
public record OutputReport(
        String output,
        boolean readable,
        int matching,
        int missing,
        int wrong,
        int extra,
        List<String> examples,
        List<String> notes) {

    public OutputReport {
        examples = List.copyOf(examples);
        notes = List.copyOf(notes);
    }

    /** An output that could not be read: everything expected is missing. */
    public static OutputReport unreadable(String output, int expected, String reason) {
        return new OutputReport(output, false, 0, expected, 0, 0, List.of(), List.of("cannot read it: " + reason));
    }

    public boolean matches() {
        return readable && missing == 0 && wrong == 0 && extra == 0;
    }

    public OutputReport withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new OutputReport(output, readable, matching, missing, wrong, extra, examples, more);
    }

    public String render() {
        StringBuilder text = new StringBuilder()
                .append(matches() ? "OK      " : "DIFFERS ")
                .append(output)
                .append(": matching ")
                .append(matching)
                .append(", missing ")
                .append(missing)
                .append(", wrong ")
                .append(wrong)
                .append(", extra ")
                .append(extra)
                .append('\n');
        examples.forEach(example -> text.append("          ").append(example).append('\n'));
        notes.forEach(note -> text.append("          note: ").append(note).append('\n'));
        return text.toString();
    }
}
