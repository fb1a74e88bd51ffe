package dev.storefront.console.schemas;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two texts (longest common subsequence): what a schema's new version added and removed. */
public final class LineDiff {

    /** One line: {@code " "} in both, {@code "-"} only in the old text, {@code "+"} only in the new one. */
    public record Line(String op, String text) {}

    private LineDiff() {}

    public static List<Line> diff(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() && j < after.size()) {
            if (before.get(i).equals(after.get(j))) {
                lines.add(new Line(" ", before.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line("-", before.get(i++)));
            } else {
                lines.add(new Line("+", after.get(j++)));
            }
        }
        while (i < before.size()) {
            lines.add(new Line("-", before.get(i++)));
        }
        while (j < after.size()) {
            lines.add(new Line("+", after.get(j++)));
        }
        return lines;
    }
}
