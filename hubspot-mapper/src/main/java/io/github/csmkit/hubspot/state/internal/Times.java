package io.github.csmkit.hubspot.state.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored: UTC, milliseconds, fixed width ({@code 2026-12-01T20:45:00.000Z}), so that
 * text order is time order in every database and the values read well in {@code sqlite3}.
 */
public final class Times {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /**
   * Formats an instant, truncated to milliseconds.
   *
   * @param t the instant
   * @return the text
   */
  public static String format(Instant t) {
    return FORMAT.format(t.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * Parses a stored instant.
   *
   * @param s the text, or null
   * @return the instant, or null
   */
  public static Instant parse(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
