package dev.storefront.console.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aFieldAddedBetweenTwoVersionsIsTheOnlyAddedLine() {
        List<String> before = List.of("{", "  \"name\" : \"Note\",", "  \"fields\" : [ \"id\" ]", "}");
        List<String> after = List.of("{", "  \"name\" : \"Note\",", "  \"fields\" : [ \"id\", \"remark\" ]", "}");

        assertThat(LineDiff.diff(before, after))
                .containsExactly(
                        new LineDiff.Line(" ", "{"),
                        new LineDiff.Line(" ", "  \"name\" : \"Note\","),
                        new LineDiff.Line("-", "  \"fields\" : [ \"id\" ]"),
                        new LineDiff.Line("+", "  \"fields\" : [ \"id\", \"remark\" ]"),
                        new LineDiff.Line(" ", "}"));
    }

    @Test
    void equalTextsHaveNoChangeAndAnEmptyOneIsAllAdded() {
        assertThat(LineDiff.diff(List.of("a", "b"), List.of("a", "b")))
                .allMatch(line -> line.op().equals(" "));
        assertThat(LineDiff.diff(List.of(), List.of("a"))).containsExactly(new LineDiff.Line("+", "a"));
    }
}
