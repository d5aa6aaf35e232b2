package io.github.csmkit.hubspot.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A streaming RFC-4180 reader that knows the physical line every record starts on and recovers from
 * bad rows. Hand-written rather than Jackson's CSV parser because a parse error there leaves the
 * parser in an unknown state, while a migration must reject one row (with its line) and carry on:
 * an unterminated quote is reported at the line it opened, and the lines it swallowed are read
 * again as records of their own.
 *
 * <p>Accepts an optional UTF-8 BOM, CRLF, LF or CR endings, quoted cells with doubled quotes and
 * line breaks (returned as {@code \n}). A quote inside an unquoted cell is kept as text. Blank
 * lines between records are skipped. A line longer than the record limit is never held whole: the
 * record it starts is rejected with its line, and reading goes on after it. Not thread-safe.
 */
public final class CsvRowReader implements Closeable {
  /**
   * One record: the line it starts on, its cells, the raw text, and an error (null when fine).
   *
   * @param line the 1-based physical line the record starts on
   * @param cells the cells (partial when {@code error} is set)
   * @param raw the raw text of the record's lines
   * @param error why the record is malformed, or null
   */
  public record Row(long line, List<String> cells, String raw, String error) {}

  private record Line(long number, String text, boolean cut) {}

  private final BoundedLineReader in;
  private final int maxRecordChars;
  private final Deque<Line> pushback = new ArrayDeque<>();
  private long lineNumber;
  private boolean first = true;

  /**
   * A reader over {@code in}.
   *
   * @param in the text (closed by {@link #close()})
   * @param maxRecordChars the longest a record may be: a longer line is rejected, and a quoted
   *     record that grows longer counts as unterminated
   */
  public CsvRowReader(Reader in, int maxRecordChars) {
    this.in = new BoundedLineReader(in, maxRecordChars);
    this.maxRecordChars = maxRecordChars;
  }

  private Line nextLine() throws IOException {
    if (!pushback.isEmpty()) {
      return pushback.pollFirst();
    }
    BoundedLineReader.Line read = in.readLine();
    if (read == null) {
      return null;
    }
    String s = read.text();
    lineNumber++;
    if (first) {
      first = false;
      if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
        s = s.substring(1);
      }
    }
    return new Line(lineNumber, s, read.cut());
  }

  /**
   * The next record, or null at the end.
   *
   * @throws IOException when reading fails (including bytes that are not UTF-8)
   */
  public Row next() throws IOException {
    Line start;
    do {
      start = nextLine();
      if (start == null) {
        return null;
      }
    } while (start.text().isEmpty());
    if (start.cut()) {
      return new Row(
          start.number(),
          List.of(),
          "",
          "the record on line "
              + start.number()
              + " is longer than "
              + maxRecordChars
              + " characters (a cell this large cannot be sent to CSM)");
    }

    List<Line> lines = new ArrayList<>();
    lines.add(start);
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    StringBuilder raw = new StringBuilder(start.text());
    boolean quoted = false;
    boolean afterQuote = false;
    boolean cellStart = true;
    String text = start.text();
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (!quoted) {
          cells.add(cell.toString());
          return new Row(start.number(), cells, raw.toString(), null);
        }
        Line more = nextLine();
        if (more == null || more.cut() || raw.length() + more.text().length() > maxRecordChars) {
          if (more != null) {
            pushback.addFirst(more);
          }
          // re-read the swallowed lines as records of their own
          for (int k = lines.size() - 1; k >= 1; k--) {
            pushback.addFirst(lines.get(k));
          }
          cells.add(cell.toString());
          return neverClosed(start, cells);
        }
        lines.add(more);
        raw.append('\n').append(more.text());
        cell.append('\n');
        text = more.text();
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < text.length() && text.charAt(i) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          cell.append(c);
        }
      } else if (afterQuote) {
        if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          afterQuote = false;
          cellStart = true;
        } else if (lines.size() > 1) {
          // a quote left open swallowed the next lines until a later quote closed it: reject the
          // line it opened on, and read the following lines again
          for (int k = lines.size() - 1; k >= 1; k--) {
            pushback.addFirst(lines.get(k));
          }
          return neverClosed(start, cells);
        } else {
          cells.add(cell.toString());
          return new Row(
              start.number(),
              cells,
              raw.toString(),
              "unbalanced quote: unexpected '"
                  + c
                  + "' after the closing quote of cell "
                  + cells.size());
        }
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        cellStart = true;
      } else if (c == '"' && cellStart) {
        quoted = true;
        cellStart = false;
      } else {
        cell.append(c);
        cellStart = false;
      }
    }
  }

  /** The number of physical lines read so far. */
  public long linesRead() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private static Row neverClosed(Line start, List<String> cells) {
    return new Row(
        start.number(),
        cells,
        start.text(),
        "unbalanced quote: the quoted cell opened on line " + start.number() + " is never closed");
  }
}
