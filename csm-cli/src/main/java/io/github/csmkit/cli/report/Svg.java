package io.github.csmkit.cli.report;

import java.util.List;
import java.util.Locale;

/**
 * The charts of report.html, drawn as inline SVG by csmkit itself: no chart library, no network.
 */
final class Svg {
  private Svg() {}

  /** A part of a bar: its label, its count and its colour. */
  record Segment(String label, long count, String color) {}

  /** A line of a chart: its label, colour and points (x in seconds from the start, y). */
  record Series(String label, String color, List<double[]> points) {}

  /**
   * One horizontal bar per row, split into its segments in proportion to their counts; each segment
   * carries its count as a tooltip.
   */
  static String stackedBars(String title, List<String> rowLabels, List<List<Segment>> rows) {
    int labelWidth = 190;
    int width = 760;
    int barWidth = width - labelWidth - 20;
    int rowHeight = 34;
    int height = rows.size() * rowHeight + 10;
    StringBuilder s = open("chart bars", title, width, height);
    for (int r = 0; r < rows.size(); r++) {
      int y = 5 + r * rowHeight;
      long total = rows.get(r).stream().mapToLong(Segment::count).sum();
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\" class=\"axis\">%s</text>",
              y + 18,
              Html.escape(rowLabels.get(r))));
      double x = labelWidth;
      for (Segment seg : rows.get(r)) {
        if (seg.count() == 0 || total == 0) {
          continue;
        }
        double w = Math.max(1, barWidth * (double) seg.count() / total);
        s.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\">"
                    + "<title>%s: %s</title></rect>",
                x,
                y,
                w,
                seg.color(),
                Html.escape(seg.label()),
                Html.number(seg.count())));
        x += w;
      }
      if (total == 0) {
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"axis\">no records</text>",
                labelWidth,
                y + 18));
      }
    }
    return s.append("</svg>").toString();
  }

  /** A line chart of cumulative counts over time, with labelled axes. */
  static String lines(String title, List<Series> series) {
    int width = 760;
    int height = 260;
    int left = 70;
    int bottom = 30;
    int top = 10;
    int plotW = width - left - 20;
    int plotH = height - top - bottom;
    double maxX = 0;
    double maxY = 0;
    for (Series line : series) {
      for (double[] p : line.points()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    maxX = maxX <= 0 ? 1 : maxX;
    // record counts: at least 4, so that the four ticks are whole numbers
    maxY = Math.max(4, maxY);
    StringBuilder s = open("chart lines", title, width, height);
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"frame\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"frame\"/>",
            left,
            top,
            left,
            top + plotH,
            left,
            top + plotH,
            left + plotW,
            top + plotH));
    for (int i = 0; i <= 4; i++) {
      double v = maxY * i / 4;
      int y = top + plotH - (int) Math.round(plotH * i / 4.0);
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">%s</text>",
              left - 6,
              y + 4,
              Html.number(Math.round(v))));
      double t = maxX * i / 4;
      int x = left + (int) Math.round(plotW * i / 4.0);
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>",
              x,
              height - 8,
              Html.escape(Durations.human(java.time.Duration.ofMillis((long) (t * 1000))))));
    }
    int legendX = left + 10;
    for (Series line : series) {
      StringBuilder d = new StringBuilder();
      double lastY = 0;
      d.append(String.format(Locale.ROOT, "M%d,%d", left, top + plotH));
      for (double[] p : line.points()) {
        double x = left + plotW * p[0] / maxX;
        double yPrev = top + plotH - plotH * lastY / maxY;
        double y = top + plotH - plotH * p[1] / maxY;
        // a step: the count holds until the next batch ends
        d.append(String.format(Locale.ROOT, " L%.1f,%.1f L%.1f,%.1f", x, yPrev, x, y));
        lastY = p[1];
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\">"
                  + "<title>%s: %s</title></path>",
              d,
              line.color(),
              Html.escape(line.label()),
              Html.number(Math.round(lastY))));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>",
              legendX,
              top + 6,
              line.color(),
              legendX + 16,
              top + 16,
              Html.escape(line.label())));
      legendX += 30 + 8 * line.label().length();
    }
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String cssClass, String title, int width, int height) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg class=\"%s\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" "
                    + "width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">"
                    + "<title>%s</title>",
                cssClass,
                Html.escape(title),
                width,
                height,
                width,
                height,
                Html.escape(title)));
  }
}
