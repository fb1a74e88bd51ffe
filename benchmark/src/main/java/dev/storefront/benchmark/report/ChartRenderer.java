package dev.storefront.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The PNG chart: one horizontal bar per figure with a target, its length the ratio to the target (the dashed line
 * is 1.0 = met), green when met, red when short. Java2D only, headless, no charting dependency.
 */
public final class ChartRenderer {

    private static final int WIDTH = 900;
    private static final int ROW = 34;
    private static final int LABEL = 330;
    private static final double MAX_RATIO = 2.0;

    private ChartRenderer() {}

    public static BufferedImage render(BenchReport report) {
        List<Bar> bars = bars(report);
        int height = 70 + Math.max(1, bars.size()) * ROW + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Storefront CDC benchmark (" + report.size() + "): measured / target", 20, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int plot = WIDTH - LABEL - 40;
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                int y = 60 + i * ROW;
                g.setColor(Color.BLACK);
                g.drawString(bar.label(), 20, y + 18);
                double shown = Double.isFinite(bar.ratio()) ? Math.min(bar.ratio(), MAX_RATIO) : MAX_RATIO;
                g.setColor(bar.ratio() >= 1 ? new Color(60, 160, 80) : new Color(200, 70, 60));
                g.fillRect(LABEL, y + 4, (int) (plot * shown / MAX_RATIO), ROW - 10);
                g.setColor(Color.BLACK);
                g.drawString(Format.ratio(bar.ratio()), LABEL + (int) (plot * shown / MAX_RATIO) + 5, y + 18);
            }
            int one = LABEL + plot / 2;
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(one, 50, one, height - 25);
            g.drawString("1.0 = target", one - 30, height - 8);
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(BenchReport report, Path file) throws IOException {
        ImageIO.write(render(report), "png", file.toFile());
    }

    static List<Bar> bars(BenchReport report) {
        return report.phases().stream()
                .flatMap(phase -> phase.figures().stream()
                        .filter(f -> f.target() != null)
                        .map(f -> new Bar(phase.phase() + ": " + f.name(), f.targetRatio())))
                .toList();
    }

    record Bar(String label, double ratio) {}
}
