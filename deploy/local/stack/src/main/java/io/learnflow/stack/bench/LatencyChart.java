package io.learnflow.stack.bench;

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

/** POST-to-answer time of every query by when it was sent, with each second's p99, as a PNG. */
final class LatencyChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 500;
    private static final int MARGIN = 60;

    private LatencyChart() {
    }

    static void write(List<QueryTrace> traces, long start, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        List<QueryTrace> answered = traces.stream().filter(t -> t.finished() && t.answerMillis >= 0).toList();
        double maxSeconds = Math.max(1, traces.stream().mapToDouble(t -> (t.sentAtNanos - start) / 1e9).max().orElse(1));
        double maxMillis = Math.max(10, answered.stream().mapToDouble(t -> t.answerMillis).max().orElse(10));
        int plotWidth = WIDTH - 2 * MARGIN;
        int plotHeight = HEIGHT - 2 * MARGIN;

        g.setColor(Color.DARK_GRAY);
        g.drawRect(MARGIN, MARGIN, plotWidth, plotHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("POST to answer (ms) by time sent (s); line: p99 of each second", MARGIN, MARGIN - 20);
        for (int i = 0; i <= 5; i++) {
            int y = MARGIN + plotHeight - i * plotHeight / 5;
            g.drawString(String.format("%.0f", maxMillis * i / 5), 5, y + 4);
            int x = MARGIN + i * plotWidth / 5;
            g.drawString(String.format("%.0f", maxSeconds * i / 5), x - 5, HEIGHT - MARGIN + 18);
        }

        g.setColor(new Color(40, 110, 200, 90));
        for (QueryTrace trace : answered) {
            int x = MARGIN + (int) ((trace.sentAtNanos - start) / 1e9 / maxSeconds * plotWidth);
            int y = MARGIN + plotHeight - (int) (trace.answerMillis / maxMillis * plotHeight);
            g.fillOval(x - 2, y - 2, 4, 4);
        }

        g.setColor(new Color(200, 50, 40));
        g.setStroke(new BasicStroke(2));
        int seconds = (int) Math.ceil(maxSeconds);
        int previousX = -1;
        int previousY = -1;
        for (int second = 0; second < seconds; second++) {
            int s = second;
            double[] inSecond = answered.stream().filter(t -> (int) ((t.sentAtNanos - start) / 1_000_000_000L) == s)
                    .mapToDouble(t -> t.answerMillis).sorted().toArray();
            if (inSecond.length == 0) {
                continue;
            }
            double p99 = inSecond[Math.min(inSecond.length - 1, (int) Math.ceil(0.99 * inSecond.length) - 1)];
            int x = MARGIN + (int) ((second + 0.5) / maxSeconds * plotWidth);
            int y = MARGIN + plotHeight - (int) (p99 / maxMillis * plotHeight);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
