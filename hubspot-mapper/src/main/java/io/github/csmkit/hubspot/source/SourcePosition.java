package io.github.csmkit.hubspot.source;

import java.util.Objects;

/**
 * Where a record came from: the source's name (a file path, or an API path), the line the record
 * starts on (0 when the source has no lines, as for the live API), and the record's 1-based number
 * in that source.
 *
 * @param source the file or API path
 * @param line the 1-based physical line the record starts on, or 0 when not applicable
 * @param record the 1-based number of the record in its source (header rows are not counted)
 */
public record SourcePosition(String source, long line, long record) {
  /** Checks the source name is present. */
  public SourcePosition {
    Objects.requireNonNull(source, "source");
  }

  /** For example {@code contacts.csv:17 (record 15)}. */
  @Override
  public String toString() {
    return line > 0
        ? source + ":" + line + " (record " + record + ")"
        : source + " (record " + record + ")";
  }
}
