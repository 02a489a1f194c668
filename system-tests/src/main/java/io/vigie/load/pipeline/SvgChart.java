package io.vigie.load.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small line and scatter chart as inline SVG: no script, no external file, readable in any browser. */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 320;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int LEGEND_ROW = 15;
    private static final int BOTTOM = 45;

    /** One series: x, y pairs; drawn as a line, or as dots when {@code dots}. */
    record Series(String name, String color, List<double[]> points, boolean dots) {
    }

    private SvgChart() {
    }

    static String render(String title, String xLabel, String yLabel, List<Series> series, boolean logarithmic) {
        double xMax = 1;
        double yMin = Double.MAX_VALUE;
        double yMax = 0;
        for (Series s : series) {
            for (double[] point : s.points()) {
                xMax = Math.max(xMax, point[0]);
                yMax = Math.max(yMax, point[1]);
                if (point[1] > 0) {
                    yMin = Math.min(yMin, point[1]);
                }
            }
        }
        if (yMin == Double.MAX_VALUE) {
            yMin = 1;
        }
        yMax = Math.max(yMax, logarithmic ? yMin * 10 : 1);
        double lowY = logarithmic ? Math.pow(10, Math.floor(Math.log10(yMin))) : 0;
        double highY = logarithmic ? Math.pow(10, Math.ceil(Math.log10(yMax))) : niceCeiling(yMax);
        // The legend wraps onto as many rows as it needs, above the plot.
        List<int[]> legend = new ArrayList<>();
        int legendX = LEFT;
        int rows = 1;
        for (Series s : series) {
            int width = 24 + 7 * s.name().length();
            if (legendX + width > WIDTH - RIGHT && legendX > LEFT) {
                legendX = LEFT;
                rows++;
            }
            legend.add(new int[] {legendX, 26 + (rows - 1) * LEGEND_ROW});
            legendX += width;
        }
        int top = 30 + rows * LEGEND_ROW;
        int height = HEIGHT + (rows - 1) * LEGEND_ROW;
        Scale x = new Scale(0, niceCeiling(xMax), LEFT, WIDTH - RIGHT, false);
        Scale y = new Scale(lowY, highY, height - BOTTOM, top, logarithmic);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (double tick : x.ticks()) {
            double px = x.map(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, top, px, height - BOTTOM, px,
                    height - BOTTOM + 15, label(tick)));
        }
        for (double tick : y.ticks()) {
            double py = y.map(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, py, WIDTH - RIGHT, py, LEFT - 5,
                    py + 4, label(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, top, WIDTH - LEFT - RIGHT, height - top - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2, height - 8, escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 %d)\">%s</text>%n", (top + height - BOTTOM) / 2, (top + height - BOTTOM) / 2,
                escape(yLabel)));
        for (int index = 0; index < series.size(); index++) {
            Series s = series.get(index);
            StringBuilder path = new StringBuilder();
            for (double[] point : s.points()) {
                if (point[0] < 0 || logarithmic && point[1] <= 0) {
                    continue;
                }
                double px = x.map(point[0]);
                double py = y.map(Math.max(point[1], lowY));
                // Dots for a scatter, and on a line too short to show as one.
                if (s.dots() || s.points().size() < 3) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" "
                            + "fill-opacity=\"0.6\"/>", px, py, s.color()));
                }
                if (!s.dots()) {
                    path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", px, py));
                }
            }
            if (path.length() > 0) {
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                        path.toString().trim(), s.color()));
            }
            int[] at = legend.get(index);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", at[0], at[1], s.color(), at[0] + 14, at[1] + 9, escape(s.name())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private record Scale(double low, double high, double from, double to, boolean logarithmic) {

        double map(double value) {
            double fraction = logarithmic
                    ? (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low))
                    : (value - low) / (high - low);
            return from + fraction * (to - from);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (logarithmic) {
                for (double decade = low; decade <= high * 1.0001; decade *= 10) {
                    for (double step : new double[] {1, 2, 5}) {
                        if (decade * step <= high * 1.0001) {
                            ticks.add(decade * step);
                        }
                    }
                }
                return ticks;
            }
            double step = niceCeiling((high - low) / 8);
            for (double tick = low; tick <= high * 1.0001; tick += step) {
                ticks.add(tick);
            }
            return ticks;
        }
    }

    /** The smallest 1, 2 or 5 × 10^n at least {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (decade * step >= value) {
                return decade * step;
            }
        }
        return decade * 10;
    }

    private static String label(double value) {
        if (value >= 1000 && value % 1000 == 0) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2g", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
