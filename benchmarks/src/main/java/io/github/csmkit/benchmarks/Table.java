package io.github.csmkit.benchmarks;

import java.util.List;

/** Prints figures as a Markdown table, so that BENCHMARKS.md can take it as it is. */
final class Table {
  private Table() {}

  static String render(List<Figure> figures) {
    String[] head = {"benchmark", "measured", "value", "ratio", "target"};
    String[][] rows = new String[figures.size()][];
    int[] width = new int[head.length];
    for (int c = 0; c < head.length; c++) {
      width[c] = head[c].length();
    }
    for (int r = 0; r < rows.length; r++) {
      Figure f = figures.get(r);
      rows[r] = new String[] {f.benchmark(), f.what(), f.valueText(), f.ratioText(), f.verdict()};
      for (int c = 0; c < head.length; c++) {
        width[c] = Math.max(width[c], rows[r][c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, head, width);
    StringBuilder sep = new StringBuilder("|");
    for (int w : width) {
      sep.append('-').append("-".repeat(w)).append("-|");
    }
    out.append(sep).append('\n');
    for (String[] row : rows) {
      line(out, row, width);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String[] cells, int[] width) {
    out.append('|');
    for (int c = 0; c < cells.length; c++) {
      out.append(' ')
          .append(cells[c])
          .append(" ".repeat(width[c] - cells[c].length()))
          .append(" |");
    }
    out.append('\n');
  }
}
