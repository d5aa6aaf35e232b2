package io.github.csmkit.hubspot.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text, each cut at a maximum length. {@link java.io.BufferedReader#readLine()} holds a
 * whole line in memory, so one 20-million-character cell in an export exhausts a small heap before
 * the row can be rejected; this reader keeps at most {@code maxChars} of a line, skips the rest and
 * says that it did. Line ends are LF, CRLF or CR, as for {@code readLine}. Not thread-safe.
 */
final class BoundedLineReader implements Closeable {
  /**
   * One line without its end.
   *
   * @param text the line, or its first {@code maxChars} characters when {@code cut}
   * @param cut whether the line was longer than {@code maxChars}
   */
  record Line(String text, boolean cut) {}

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[8192];
  private int pos;
  private int end;
  private boolean skipLf;

  BoundedLineReader(Reader in, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the text. */
  Line readLine() throws IOException {
    StringBuilder line = null;
    boolean cut = false;
    while (true) {
      if (pos >= end && !fill()) {
        return line == null ? null : new Line(line.toString(), cut);
      }
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          pos++;
          continue;
        }
      }
      if (line == null) {
        line = new StringBuilder();
      }
      int start = pos;
      while (pos < end && buf[pos] != '\n' && buf[pos] != '\r') {
        pos++;
      }
      int room = maxChars - line.length();
      int n = pos - start;
      if (n > room) {
        cut = true;
        n = room;
      }
      line.append(buf, start, n);
      if (pos < end) {
        skipLf = buf[pos] == '\r';
        pos++;
        return new Line(line.toString(), cut);
      }
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
