package dev.storefront.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void countsMatchingMissingWrongAndExtraKeys() {
        OutputReport report =
                Comparison.compare("facts", Map.of(1L, "a", 2L, "b", 3L, "c"), Map.of(1L, "a", 3L, "C", 4L, "d"));

        assertThat(report.matching()).isEqualTo(1);
        assertThat(report.missing()).isEqualTo(1);
        assertThat(report.wrong()).isEqualTo(1);
        assertThat(report.extra()).isEqualTo(1);
        assertThat(report.matches()).isFalse();
        assertThat(report.examples())
                .containsExactlyInAnyOrder("missing 2: expected b", "wrong 3: expected c but is C", "extra 4: d");
    }

    @Test
    void equalContentMatchesWhateverTheOrder() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("x", 1);
        expected.put("y", 2);
        OutputReport report = Comparison.compare("revenue", expected, Map.of("y", 2, "x", 1));

        assertThat(report.matches()).isTrue();
        assertThat(report.matching()).isEqualTo(2);
        assertThat(report.render()).startsWith("OK      revenue: matching 2, missing 0, wrong 0, extra 0");
    }

    @Test
    void anEmptyOutputForAnEmptyDatabaseMatchesButAReportWithoutOutputsDoesNot() {
        assertThat(Comparison.compare("empty", Map.of(), Map.of()).matches()).isTrue();
        assertThat(new VerifyReport(List.of()).allMatch()).isFalse();
    }

    @Test
    void quotesOnlyAFewDifferences() {
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            expected.put(i, "v" + i);
        }
        OutputReport report = Comparison.compare("big", expected, Map.of());

        assertThat(report.missing()).isEqualTo(20);
        assertThat(report.examples()).hasSize(Comparison.EXAMPLES);
    }

    @Test
    void anUnreadableOutputFailsAndSaysWhy() {
        OutputReport report =
                OutputReport.unreadable("table revenue_by_category_country", 3, "relation does not exist");

        assertThat(report.matches()).isFalse();
        assertThat(report.missing()).isEqualTo(3);
        VerifyReport all = new VerifyReport(List.of(report, Comparison.compare("ok", Map.of(1, 1), Map.of(1, 1))));
        assertThat(all.allMatch()).isFalse();
        assertThat(all.output("ok").matches()).isTrue();
        assertThat(all.render())
                .contains("DIFFERS table revenue_by_category_country: matching 0, missing 3")
                .contains("note: cannot read it: relation does not exist")
                .endsWith("1 of 2 outputs differ from PostgreSQL.\n");
    }
}
