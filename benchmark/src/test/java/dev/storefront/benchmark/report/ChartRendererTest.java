package dev.storefront.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRendererTest {

    @Test
    void oneBarPerFigureWithATargetAndNoneForFailedPhases() {
        assertThat(ChartRenderer.bars(MarkdownReportTest.sample()))
                .extracting(ChartRenderer.Bar::label)
                .containsExactly("Full load: seeder rows/s", "End-to-end latency: commit -> fact p99");
    }

    @Test
    void shortBarIsRedAndMetBarIsGreen() {
        BufferedImage image = ChartRenderer.render(MarkdownReportTest.sample());

        // First bar (ratio 0.5) starts at the label column on row 0, the second (ratio 2.08) on row 1.
        assertThat(new Color(image.getRGB(340, 60 + 15))).isEqualTo(new Color(200, 70, 60));
        assertThat(new Color(image.getRGB(340, 60 + 34 + 15))).isEqualTo(new Color(60, 160, 80));
    }

    @Test
    void writerProducesJsonMarkdownAndAReadablePng(@TempDir Path dir) throws Exception {
        ReportWriter.write(MarkdownReportTest.sample(), dir);

        assertThat(Files.readString(dir.resolve("report.json")))
                .contains("\"phase\" : \"Full load\"", "\"targetRatio\" : 0.5", "\"ceilingRatio\" : 0.25");
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Storefront CDC benchmark");
        assertThat(ImageIO.read(dir.resolve("report.png").toFile()).getWidth()).isEqualTo(900);
    }
}
